/**
 * Pure computations over a Dataset: sales analysis, RFM and clusters.
 *
 * @module
 */
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
