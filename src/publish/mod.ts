/**
 * Publishing a finished report run to S3, rolling back, listing and sharing.
 *
 * @module
 */
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
export { serveReports, type ServeReportsOptions } from "./serve_reports.ts";
