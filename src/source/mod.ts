/**
 * Reading data into a Dataset: each file layout, CSV staging, conversion and the rows rejected.
 *
 * @module
 */
export * from "./data_summary.ts";
export * from "./dataset.ts";
export { type ColumnMapping, parseMapFlags } from "./column_mapping.ts";
export {
  type FieldSource,
  type LoadedSource,
  type LoadReport,
  loadSource,
  type LoadSourceOptions,
  type SourceKind,
  STORE_SALES_LAYOUT,
} from "./load_source.ts";
export { openSource, type OpenSourceOptions } from "./open_source.ts";
export { writeRejects } from "./write_rejects.ts";
