import type { RunManifest } from "./run_manifest.ts";
import { parseRunManifest } from "./run_manifest.ts";
import { PublishError } from "./publish_error.ts";
import type { S3Bucket } from "./s3_bucket.ts";

/** The top-level page readers open. */
export const INDEX = "index.html";
/** The top-level pointer naming the current run. */
export const CURRENT = "current.json";
/** The folder holding one folder per run. */
export const RUNS = "runs/";
/** The metadata key (`x-amz-meta-basket-run-id`) naming an index's run. */
export const RUN_ID_METADATA = "basket-run-id";
/** The metadata key holding an object's SHA-256. */
export const SHA256_METADATA = "sha256";
/** Cache-Control of a run's files: they never change once published. */
export const IMMUTABLE = "public, max-age=31536000, immutable";
/** Cache-Control of the top-level index and pointer. */
export const NO_CACHE = "no-cache";

/** The path of a run's file below the prefix: `runs/<run-id>/<file>`. */
export function runPath(runId: string, file = ""): string {
  return `${RUNS}${runId}/${file}`;
}

/**
 * The run the top-level `index.html` shows: its `basket-run-id` metadata,
 * else the run `current.json` names; undefined when nothing is published.
 */
export async function currentRunId(
  bucket: S3Bucket,
): Promise<string | undefined> {
  const head = await bucket.head(INDEX);
  const fromIndex = head?.metadata[RUN_ID_METADATA];
  if (fromIndex) return fromIndex;
  const pointer = await bucket.get(CURRENT);
  if (!pointer) return undefined;
  try {
    const runId = JSON.parse(new TextDecoder().decode(pointer)).runId;
    return typeof runId === "string" ? runId : undefined;
  } catch {
    return undefined;
  }
}

/** Reads a published run's manifest; undefined when it has none. */
export async function readManifest(
  bucket: S3Bucket,
  runId: string,
): Promise<RunManifest | undefined> {
  const bytes = await bucket.get(runPath(runId, "manifest.json"));
  if (!bytes) return undefined;
  return parseRunManifest(
    new TextDecoder().decode(bytes),
    `${bucket.target}${runPath(runId, "manifest.json")}`,
  );
}

/**
 * Checks that every file a run's manifest lists is in the bucket with the
 * size and SHA-256 (object metadata) it lists. Throws a {@linkcode PublishError}
 * starting with `failure` that names the first file at fault.
 */
export async function verifyRunFiles(
  bucket: S3Bucket,
  manifest: RunManifest,
  failure: string,
): Promise<void> {
  for (const file of manifest.files) {
    const path = runPath(manifest.runId, file.path);
    const head = await bucket.head(path);
    const problem = !head
      ? "is missing"
      : head.size !== file.size
      ? `has ${head.size} bytes, not ${file.size}`
      : head.metadata[SHA256_METADATA] !== file.sha256
      ? "does not have the SHA-256 its manifest lists"
      : undefined;
    if (problem) {
      throw new PublishError(
        `${failure}: run ${JSON.stringify(manifest.runId)} is incomplete: ${
          JSON.stringify(path)
        } ${problem}`,
      );
    }
  }
}
