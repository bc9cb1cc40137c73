import { createHash } from "node:crypto";
import type { S3Client } from "@aws-sdk/client-s3";
import { makeCurrent } from "./make_current.ts";
import { type PublishConfig, s3Target } from "./publish_config.ts";
import { PublishError } from "./publish_error.ts";
import {
  currentRunId,
  INDEX,
  readManifest,
  runPath,
  verifyRunFiles,
} from "./published_run.ts";
import { readerUrl } from "./reader_url.ts";
import { assertRunId } from "./run_id.ts";
import { openBucket } from "./s3_bucket.ts";
import type { RetryOptions } from "./with_retry.ts";

/** Options for {@linkcode rollbackRun}. */
export interface RollbackRunOptions {
  log?: (message: string) => void;
  now?: () => Date;
  retry?: RetryOptions;
}

/** What a rollback did. */
export interface RollbackResult {
  runId: string;
  /** The run that was current before. */
  previous?: string;
  target: string;
  url?: string;
  urlNote: string;
}

/**
 * Makes an earlier published run the current one, after checking it is
 * complete against its manifest (every file present with its size and
 * SHA-256; its index.html downloaded and hashed). Throws a
 * {@linkcode PublishError} when the run is missing or incomplete; the current
 * report is then left as it was.
 */
export async function rollbackRun(
  client: S3Client,
  config: PublishConfig,
  runId: string,
  options: RollbackRunOptions = {},
): Promise<RollbackResult> {
  assertRunId(runId);
  const log = options.log ?? (() => {});
  const target = s3Target(config);
  const failure = `Cannot roll back ${JSON.stringify(target)} to run ${
    JSON.stringify(runId)
  }`;
  const bucket = openBucket(client, config, {
    failure,
    retry: options.retry,
    log,
  });
  const { region } = await bucket.check();
  let manifest;
  try {
    manifest = await readManifest(bucket, runId);
  } catch (error) {
    throw new PublishError(`${failure}: ${(error as Error).message}`, {
      cause: error,
    });
  }
  if (!manifest) {
    const any = await bucket.list(runPath(runId));
    throw new PublishError(
      `${failure}: ${
        any.length
          ? "the run is incomplete (it has no manifest.json)"
          : "no such run is published"
      }`,
    );
  }
  if (manifest.runId !== runId) {
    throw new PublishError(
      `${failure}: its manifest names run ${JSON.stringify(manifest.runId)}`,
    );
  }
  await verifyRunFiles(bucket, manifest, failure);
  const index = await bucket.get(runPath(runId, INDEX));
  const listed = manifest.files.find((f) => f.path === INDEX);
  const sha256 = index && createHash("sha256").update(index).digest("hex");
  if (!index || !listed || sha256 !== listed.sha256) {
    throw new PublishError(
      `${failure}: the run is incomplete: its index.html does not match its manifest`,
    );
  }
  const previous = await currentRunId(bucket);
  await makeCurrent(
    bucket,
    manifest,
    index,
    (options.now ?? (() => new Date()))(),
    failure,
  );
  log(
    `run ${runId} is now the current report at ${target}${
      previous ? ` (was ${previous})` : ""
    }`,
  );
  const reader = await readerUrl(client, config, region);
  const result: RollbackResult = { runId, target, urlNote: reader.note };
  if (previous) result.previous = previous;
  if (reader.url) result.url = reader.url;
  return result;
}
