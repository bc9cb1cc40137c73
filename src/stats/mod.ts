/**
 * Pure numeric building blocks: dense matrices, standardising, PCA, k-means, silhouettes, seeded sampling and quintile scores. No I/O; they run in the page too.
 *
 * @module
 */
export * from "./quintile_scores.ts";
export * from "./feature_matrix_csv.ts";
export * from "./dense_matrix.ts";
export * from "./standardise.ts";
export * from "./pca.ts";
export * from "./kmeans.ts";
export * from "./silhouette.ts";
export * from "./choose_k.ts";
export * from "./fit_clusters.ts";
export * from "./seeded_random.ts";
export * from "./seeded_sample.ts";
export * from "./clv/mod.ts";
