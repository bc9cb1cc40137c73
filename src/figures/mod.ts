/**
 * Figures: the pure, browser-safe step from sums to what the report shows.
 *
 * @module
 */
export * from "./sales/mod.ts";
export * from "./segments/mod.ts";
export * from "./cohorts/mod.ts";
export * from "./format/mod.ts";
export * from "./value/mod.ts";
export * from "./baskets/mod.ts";
export * from "./products/mod.ts";
