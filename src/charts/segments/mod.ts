/**
 * Observable Plot charts of the customer segments and clusters.
 *
 * @module
 */
export { type SegmentChartOptions } from "./segment_chart_options.ts";
export * from "./rfm_segments_chart.ts";
export * from "./rfm_grid_chart.ts";
export * from "./pca_scatter_chart.ts";
export * from "./explained_variance_chart.ts";
export * from "./silhouette_chart.ts";
export * from "./cluster_lift_chart.ts";
export * from "./segment_cluster_chart.ts";
