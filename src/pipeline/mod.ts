/**
 * The staged build of a report run.
 *
 * @module
 */
export { type RunFile, type RunFiles, writeRun } from "./write_run.ts";
export { discardSegments } from "./run_scratch.ts";
export { writeSegmentsFile } from "./write_segments_file.ts";
export { scanSegmentsFile } from "./scan_segments_file.ts";
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
export {
  customerValueFigures,
  type CustomerValueFiguresOptions,
} from "./customer_value_figures.ts";
export {
  buildOrReuse,
  type ReuseEffects,
  type ReuseSettings,
} from "./build_or_reuse.ts";
export { readCachedRun, reportKey, writeCachedRun } from "./cached_report.ts";
