/**
 * Reading data into a Dataset: each file layout, CSV staging, conversion and the rows rejected.
 *
 * @module
 */
export * from "./data_summary.ts";
export * from "./dataset.ts";
export { type ColumnMapping, parseMapFlags } from "./column_mapping.ts";
export type {
  FieldSource,
  LoadedSource,
  LoadReport,
  SourceKind,
} from "./load_report.ts";
export { loadSource, type LoadSourceOptions } from "./load_source.ts";
export { STORE_SALES_LAYOUT } from "./layouts/store_sales_layout.ts";
export { openSource, type OpenSourceOptions } from "./open_source.ts";
export { rejectedRows } from "./rejected_rows.ts";
export { writeRejects } from "./write_rejects.ts";
export * from "./cache/mod.ts";
