/**
 * The pure step from per-customer rows to segment and cluster figures.
 *
 * @module
 */
export * from "./rfm_segment_map.ts";
export type * from "./rfm_table.ts";
export * from "./rfm_columns.ts";
export * from "./cluster_segment_counts.ts";
export type * from "./customer_features.ts";
export type * from "./customer_clusters.ts";
export * from "./rfm_segments.ts";
export * from "./rfm_grid.ts";
export * from "./age_band.ts";
export * from "./cluster_profiles.ts";
export * from "./cluster_lift_cells.ts";
export * from "./cluster_filter_label.ts";
export * from "./customer_groups.ts";
export * from "./segment_cluster_cross_tab.ts";
export * from "./segmentation_notes.ts";
export * from "./rfm_score_ranges.ts";
export * from "./explained_variance_rows.ts";
export * from "./pca_loadings.ts";
export {
  parseSegmentSnapshot,
  runIdTime,
  scanSegmentSnapshot,
  type SegmentSnapshotRows,
} from "./read_segment_snapshot.ts";
export {
  formatSegmentSnapshot,
  SEGMENTS_FILE,
  SEGMENTS_SCHEMA,
  type SegmentSnapshot,
} from "./segment_snapshot.ts";
export {
  GONE_CUSTOMERS,
  largestMoves,
  migrationOfFlows,
  NEW_CUSTOMERS,
  type SegmentFlow,
  type SegmentMigration,
  segmentMigration,
  segmentOrder,
} from "./segment_migration.ts";
export * from "./segment_size_changes.ts";
