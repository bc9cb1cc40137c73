/**
 * Which products carry the business: product totals and the ABC classes.
 *
 * @module
 */
export * from "./product_figures.ts";
