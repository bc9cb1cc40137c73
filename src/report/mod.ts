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
  type CustomerModel,
  type CustomerSection,
  customerSection,
} from "./customer_section.ts";
export { escapeHtml, Html, html, unsafeRawHtml } from "./html.ts";
export { tableCsv, type TableSpec } from "./table_spec.ts";
export {
  filterHash,
  type FilterState,
  parseFilterHash,
} from "./filter_state.ts";
export { formatInspection } from "./format_inspection.ts";
export * from "./lock/mod.ts";
