/**
 * Basket: what the notebooks import. The data model and its sources, every
 * analysis, every chart, and the report's building blocks, the same code the
 * report runs.
 *
 * @module
 */
export * from "./data/mod.ts";
export * from "./analysis/mod.ts";
export * from "./charts/mod.ts";
export * from "./io/mod.ts";
export * from "./report/mod.ts";
export * from "./notebook/mod.ts";
export { VERSION } from "./version.ts";
