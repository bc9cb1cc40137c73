/**
 * Which products carry the business: totals per product and the ABC classes.
 *
 * @module
 */
export * from "./product_analysis.ts";
