/**
 * What sells together: the basket analysis's row types.
 *
 * @module
 */
export * from "./basket_figures.ts";
