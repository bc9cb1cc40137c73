/**
 * The report: from its model to one self-contained HTML page.
 *
 * @module
 */
export type {
  ReportData,
  ReportModel,
  ReportParameters,
} from "./report_model.ts";
export {
  type CustomerFigures,
  type CustomerModel,
  customerModel,
} from "./customer_model.ts";
export { customerTables } from "./customer_tables.ts";
export { renderCustomersView } from "./render_customers_view.ts";
export { renderValueView } from "./customers/render_value_view.ts";
export { valueTables } from "./customers/value_tables.ts";
export { methodNotes } from "./method_notes.ts";
export { escapeHtml, Html, html, unsafeRawHtml } from "./html.ts";
export { tableCsv, type TableSpec } from "./table_spec.ts";
export {
  filterHash,
  type FilterState,
  parseFilterHash,
} from "./filter_state.ts";
export { formatInspection } from "./format_inspection.ts";
export * from "./lock/mod.ts";
export * from "./slots/mod.ts";
