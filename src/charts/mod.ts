/**
 * Pure charts: rows + options → an Observable Plot element. No Deno APIs, so
 * they render in a browser as well as headlessly through linkedom.
 *
 * @module
 */
export * from "./chart_options.ts";
export * from "./segment_chart_options.ts";
export * from "./rfm_segments_chart.ts";
export * from "./rfm_grid_chart.ts";
export * from "./pca_scatter_chart.ts";
export * from "./explained_variance_chart.ts";
export * from "./silhouette_chart.ts";
export * from "./cluster_lift_chart.ts";
export * from "./segment_cluster_chart.ts";
