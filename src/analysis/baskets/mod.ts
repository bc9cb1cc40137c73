/**
 * What sells together: pairs and triples of items bought in one
 * transaction, in SQL.
 *
 * @module
 */
export * from "./basket_analysis.ts";
export * from "./basket_lines.ts";
export * from "./basket_pairs.ts";
export * from "./basket_triples.ts";
