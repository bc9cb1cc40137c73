/**
 * Every chart, drawn with Observable Plot.
 *
 * @module
 */
export { type ChartOptions } from "./chart_options.ts";
export * from "./sales/mod.ts";
export * from "./segments/mod.ts";
export * from "./value/mod.ts";
export * from "./baskets/mod.ts";
export * from "./cohorts/mod.ts";
