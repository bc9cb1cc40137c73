/**
 * Charts of what sells together and which products carry the business.
 *
 * @module
 */
export * from "./basket_pairs_chart.ts";
export * from "./product_pareto_chart.ts";
