/**
 * The staged build of a report run.
 *
 * @module
 */
export { type RunFiles, writeRun } from "./write_run.ts";
export { bundleClient } from "./bundle_client.ts";
export {
  type BuildEffects,
  buildReport,
  type BuildReportOptions,
  type BuiltReport,
  runIdFor,
} from "./build_report.ts";
export {
  customerFigures,
  type CustomerFiguresOptions,
} from "./customer_figures.ts";
