/**
 * Observable Plot charts of predicted customer value.
 *
 * @module
 */
export * from "./value_distribution_chart.ts";
export * from "./alive_heatmap_chart.ts";
export * from "./holdout_chart.ts";
