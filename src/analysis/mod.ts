/**
 * Pure computations over a Dataset (see src/data/dataset.ts).
 *
 * @module
 */
export * from "./sales_filter.ts";
export { type SalesOptions } from "./sales_options.ts";
export { NONE_LABEL } from "./none_label.ts";
export { compareNames } from "./compare_names.ts";
export { relativeChange } from "./relative_change.ts";
export { type SalesPeriod, salesPeriod } from "./sales_period.ts";
export * from "./sales_headline.ts";
export * from "./store_sales.ts";
export { type SalesTotals } from "./sales_totals.ts";
export * from "./sales_by_department.ts";
export * from "./sales_by_category.ts";
export * from "./sales_by_sub_category.ts";
export * from "./sales_by_channel.ts";
export * from "./category_shares.ts";
export * from "./top_categories_by_region.ts";
export * from "./daily_sales.ts";
export * from "./weekly_sales.ts";
export * from "./monthly_sales.ts";
export * from "./sales_by_month_of_year.ts";
export * from "./sales_by_weekday.ts";
export * from "./weekday_week_grid.ts";
export * from "./month_category_grid.ts";
export {
  type FuelFigures,
  type FuelSummary,
  fuelSummary,
  type FuelTypeFigures,
} from "./fuel_summary.ts";
export * from "./weekly_fuel_prices.ts";
export * from "./cube_figures.ts";
export * from "./quintile_scores.ts";
export * from "./rfm_segment_map.ts";
export * from "./rfm_table.ts";
export * from "./rfm_segments.ts";
export * from "./rfm_grid.ts";
export * from "./customer_features.ts";
export * from "./feature_matrix_csv.ts";
export * from "./dense_matrix.ts";
export * from "./standardise.ts";
export * from "./pca.ts";
export * from "./kmeans.ts";
export * from "./silhouette.ts";
export * from "./choose_k.ts";
export * from "./fit_clusters.ts";
export * from "./age_band.ts";
export * from "./cluster_profiles.ts";
export * from "./cluster_customers.ts";
export * from "./cluster_lift_cells.ts";
export * from "./segment_cluster_cross_tab.ts";
export * from "./seeded_random.ts";
export * from "./seeded_sample.ts";
export * from "./segmentation_notes.ts";
export * from "./rfm_score_ranges.ts";
export * from "./explained_variance_rows.ts";
export * from "./pca_loadings.ts";
export * from "./data_summary.ts";
