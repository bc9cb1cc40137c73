/**
 * Pure chart functions: aggregated rows + options → an Observable Plot
 * element. They use no Deno API, so they also run in a browser.
 *
 * @module
 */
export { type ChartOptions } from "./chart_options.ts";
export { type SalesChartOptions } from "./sales_chart_options.ts";
export * from "./store_sales_chart.ts";
export * from "./category_sales_chart.ts";
export * from "./channel_sales_chart.ts";
export * from "./top_categories_chart.ts";
export * from "./daily_sales_chart.ts";
export * from "./weekly_sales_chart.ts";
export * from "./monthly_sales_chart.ts";
export * from "./weekday_sales_chart.ts";
export * from "./month_of_year_sales_chart.ts";
export * from "./weekday_week_grid_chart.ts";
export * from "./month_category_grid_chart.ts";
export * from "./fuel_price_chart.ts";
export { type SegmentChartOptions } from "./segment_chart_options.ts";
export * from "./rfm_segments_chart.ts";
export * from "./rfm_grid_chart.ts";
export * from "./pca_scatter_chart.ts";
export * from "./explained_variance_chart.ts";
export * from "./silhouette_chart.ts";
export * from "./cluster_lift_chart.ts";
export * from "./segment_cluster_chart.ts";
