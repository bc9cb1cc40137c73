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
