import { GetObjectCommand, type S3Client } from "@aws-sdk/client-s3";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";
import { type PublishConfig, s3Target } from "./publish_config.ts";
import { PublishError } from "./publish_error.ts";
import { currentRunId, INDEX, runPath } from "./published_run.ts";
import { formatDuration } from "./format_duration.ts";
import { assertRunId } from "./run_id.ts";
import { openBucket } from "./s3_bucket.ts";
import type { RetryOptions } from "./with_retry.ts";

/** The longest a SigV4 presigned URL can last: 7 days. */
export const MAX_SHARE_SECONDS = 604_800;

/** Options for {@linkcode shareLink}. */
export interface ShareLinkOptions {
  /** How long the link works, in seconds (at most {@linkcode MAX_SHARE_SECONDS}). */
  expiresIn: number;
  /** The run to share; the current run when left out. */
  runId?: string;
  /** When the link is signed (default now); tests sign in the past. */
  signingDate?: Date;
  retry?: RetryOptions;
  log?: (message: string) => void;
}

/** A presigned link and what it opens. */
export interface ShareLink {
  url: string;
  runId: string;
  expiresAt: Date;
}

/**
 * Signs a GET link to a run's `index.html` in a private bucket, working for
 * `expiresIn` seconds. The report is one self-contained file, so the link
 * needs no other object. The link stops working earlier if the credentials
 * that signed it expire (temporary credentials from a role last hours).
 * Throws a `RangeError` for more than 7 days, which SigV4 does not allow.
 */
export async function shareLink(
  client: S3Client,
  config: PublishConfig,
  options: ShareLinkOptions,
): Promise<ShareLink> {
  const seconds = options.expiresIn;
  if (!Number.isInteger(seconds) || seconds < 1) {
    throw new RangeError(
      `Cannot share a link valid for ${seconds} seconds: expected a whole number of seconds, at least 1`,
    );
  }
  if (seconds > MAX_SHARE_SECONDS) {
    throw new RangeError(
      `Cannot share a link valid for ${
        formatDuration(seconds)
      }: S3 presigned links last at most 7 days (604800 seconds)`,
    );
  }
  const target = s3Target(config);
  const failure = `Cannot share a link to ${JSON.stringify(target)}`;
  const bucket = openBucket(client, config, {
    failure,
    ...(options.retry ? { retry: options.retry } : {}),
    ...(options.log ? { log: options.log } : {}),
  });
  await bucket.check();
  const runId = options.runId !== undefined
    ? assertRunId(options.runId)
    : await currentRunId(bucket);
  if (!runId) {
    throw new PublishError(`${failure}: no report is published there yet`);
  }
  const path = runPath(runId, INDEX);
  if (!await bucket.head(path)) {
    throw new PublishError(
      `${failure}: run ${JSON.stringify(runId)} is not published`,
    );
  }
  const signingDate = options.signingDate ?? new Date();
  const url = await getSignedUrl(
    client,
    new GetObjectCommand({ Bucket: config.bucket, Key: bucket.key(path) }),
    { expiresIn: seconds, signingDate },
  );
  return {
    url,
    runId,
    expiresAt: new Date(signingDate.getTime() + seconds * 1000),
  };
}
