export {
  DEFAULT_REMEMBER_DAYS,
  encryptPage,
  type EncryptPageOptions,
  LOCKED_PAGE_TITLE,
  MIN_PBKDF2_ITERATIONS,
} from "./encrypt_page.ts";
export { decryptPage } from "./decrypt_page.ts";
export { insecureUrlWarning } from "./insecure_url_warning.ts";
export {
  MIN_PASSWORD_LENGTH,
  weakPasswordWarning,
} from "./weak_password_warning.ts";

// Building the report.
export {
  type BuildEffects,
  buildReport,
  type BuildReportOptions,
  type BuiltReport,
  runIdFor,
} from "./build_report.ts";
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
