/**
 * Figures: the pure, browser-safe step from sums to what the report shows.
 *
 * @module
 */
export * from "./sales/mod.ts";
export * from "./segments/mod.ts";
export * from "./cohorts/mod.ts";
export * from "./format/mod.ts";
