/**
 * Analyses over a Dataset, by domain.
 *
 * @module
 */
export * from "./sales/mod.ts";
export * from "./segments/mod.ts";
export * from "./baskets/mod.ts";
export * from "./products/mod.ts";
export * from "./cohorts/mod.ts";
