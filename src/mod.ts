/**
 * Basket: what the notebooks import. The data model and its sources, every
 * analysis, figure and chart, and the report's building blocks: the same code
 * the report runs.
 *
 * @module
 */
export * from "./model/mod.ts";
export * from "./stats/mod.ts";
export * from "./figures/mod.ts";
export * from "./simulator/mod.ts";
export * from "./source/mod.ts";
export * from "./analysis/mod.ts";
export * from "./charts/mod.ts";
export * from "./report/mod.ts";
export * from "./pipeline/mod.ts";
export * from "./publish/mod.ts";
export * from "./schedule/mod.ts";
export * from "./notebook/mod.ts";
export * from "./cli/mod.ts";
export { VERSION } from "./version.ts";
