import {
  loadPublishConfig,
  type PublishOptionValues,
} from "./settings_file.ts";
import { createS3Client } from "../publish/create_s3_client.ts";
import { type PublishResult, publishRun } from "../publish/publish_run.ts";
import { insecureUrlWarning } from "../report/lock/insecure_url_warning.ts";
import { bucketRuns } from "../publish/bucket_runs.ts";
import { openBucket } from "../publish/s3_bucket.ts";
import {
  type PreviousSegments,
  previousSegments,
} from "../pipeline/previous_segments.ts";
import { s3Target } from "../publish/publish_config.ts";

export {
  loadPublishConfig,
  publishFlags,
  type PublishOptionValues,
} from "./settings_file.ts";

/**
 * The segments of the bucket's current run, for "Who moved" in a run about
 * to be published (see previousSegments): resolved from the same options,
 * environment and config file as the publish.
 */
export async function publishedPreviousSegments(
  values: PublishOptionValues,
  runId: string,
  password: string | undefined,
  env: Readonly<Record<string, string | undefined>> = Deno.env.toObject(),
): Promise<PreviousSegments> {
  const config = await loadPublishConfig(values, env);
  const client = createS3Client(config);
  try {
    const bucket = openBucket(client, config, {
      failure: `Cannot read the current run of ${
        JSON.stringify(s3Target(config))
      }`,
    });
    return await previousSegments(bucketRuns(bucket), runId, password);
  } finally {
    client.destroy();
  }
}

/** Options for {@linkcode publishWithFlags}. */
export interface PublishWithFlagsOptions {
  runId: string;
  parameters?: Record<string, unknown>;
  dataFingerprint?: string;
  version?: string;
  /** An encrypted (locked) report: publish only index.html and a manifest without parameters. */
  onlyIndex?: boolean;
  log?: (message: string) => void;
  env?: Readonly<Record<string, string | undefined>>;
}

/**
 * What `deno task report --publish` calls after writing a run: resolves the
 * publish configuration from the command's option values, environment and
 * config file, publishes the run folder, prints where readers find it (or
 * why that is unknown, and a warning when a locked report would be served
 * over plain HTTP) through `log`, and returns the publish result.
 */
export async function publishWithFlags(
  values: PublishOptionValues,
  runDir: string,
  options: PublishWithFlagsOptions,
): Promise<PublishResult> {
  const log = options.log ?? ((message: string) => console.error(message));
  const config = await loadPublishConfig(
    values,
    options.env ?? Deno.env.toObject(),
  );
  const client = createS3Client(config);
  try {
    const result = await publishRun(client, config, runDir, {
      runId: options.runId,
      log,
      ...(options.onlyIndex ? { onlyIndex: true } : {}),
      // A locked report's public manifest shows no counts or figures: the
      // parameters hold the filters, the fingerprint the line counts.
      ...(options.parameters && !options.onlyIndex
        ? { parameters: options.parameters }
        : {}),
      ...(options.dataFingerprint && !options.onlyIndex
        ? { dataFingerprint: options.dataFingerprint }
        : {}),
      ...(options.version ? { version: options.version } : {}),
    });
    log(result.url ? `readers: ${result.url}` : `note: ${result.urlNote}`);
    const warning = options.onlyIndex && result.url
      ? insecureUrlWarning(result.url)
      : null;
    if (warning) log(`warning: ${warning}`);
    return result;
  } finally {
    client.destroy();
  }
}
