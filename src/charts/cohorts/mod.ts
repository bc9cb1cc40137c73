/**
 * Observable Plot charts of the cohorts.
 *
 * @module
 */
export * from "./cohort_heatmap_chart.ts";
