// Publishing a finished report run to S3, rolling back, listing and sharing.
export { type ConfigFile, readBasketConfig } from "./config_file.ts";
export { createS3Client } from "./create_s3_client.ts";
export { formatRuns } from "./format_runs.ts";
export { listRuns } from "./list_runs.ts";
export {
  type PublishConfig,
  type PublishFlags,
  resolvePublishConfig,
  s3Target,
} from "./publish_config.ts";
export { PublishError } from "./publish_error.ts";
export {
  type PublishResult,
  publishRun,
  type PublishRunOptions,
} from "./publish_run.ts";
export { type PublishedRun } from "./published_runs.ts";
export { rollbackRun } from "./rollback_run.ts";
export { isRunId } from "./run_id.ts";
export { readRunInfo, type RunInfo } from "./run_info.ts";
export { setupWebsite } from "./setup_website.ts";
export { MAX_SHARE_SECONDS, shareLink } from "./share_link.ts";

// Rerunning the report on a schedule.
export { parseCron } from "./parse_cron.ts";
export { reportCommand, runReportProcess } from "./run_report_process.ts";
export {
  createScheduleRunner,
  type ScheduleLogEntry,
  type ScheduleRunner,
} from "./schedule_runner.ts";
export { startSchedule } from "./start_schedule.ts";

export {
  PASSWORD_ENV,
  type PasswordSources,
  type PasswordTerminal,
  readPassword,
  type ReadPasswordOptions,
  resolvePassword,
} from "./read_password.ts";
export * from "./write_simulation.ts";
export * from "./progress_reporter.ts";
export * from "./text_file_writer.ts";

// Reading data sources.
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

// Writing and previewing reports.
export { type RunFiles, writeRun } from "./write_run.ts";
export { bundleClient } from "./bundle_client.ts";
export { serveReports, type ServeReportsOptions } from "./serve_reports.ts";

// Running the notebooks headlessly.
export {
  ensureNotebookKernel,
  type KernelSpec,
  NOTEBOOK_KERNEL,
  notebookKernelSpec,
  type RegisteredKernel,
} from "./notebook_kernel.ts";
export {
  failureReason,
  type NotebookRun,
  runNotebook,
  type RunNotebookOptions,
} from "./run_notebook.ts";
