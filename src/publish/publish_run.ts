import type { S3Client } from "@aws-sdk/client-s3";
import { probeConditionalWrites } from "./conditional_writes.ts";
import { type PublishConfig, s3Target } from "./publish_config.ts";
import { PublishError } from "./publish_error.ts";
import {
  IMMUTABLE,
  INDEX,
  readManifest,
  runPath,
  SHA256_METADATA,
} from "./published_run.ts";
import { currentRunId } from "./published_run.ts";
import { deleteRuns, listRunsWritten } from "./published_runs.ts";
import { runsToDelete } from "./runs_to_delete.ts";
import { readerUrl } from "./reader_url.ts";
import { readRunFiles, type RunFile } from "./run_files.ts";
import { assertRunId } from "./run_id.ts";
import { type RunManifest, sameFiles } from "./run_manifest.ts";
import { openBucket, type S3Bucket } from "./s3_bucket.ts";
import { switchCurrent } from "./switch_current.ts";
import type { RetryOptions } from "./with_retry.ts";

/** Options for {@linkcode publishRun}. */
export interface PublishRunOptions {
  /** The run's id, a UTC timestamp like `20261121T214500Z`. */
  runId: string;
  /** The report's parameters, recorded in the manifest (not when `onlyIndex`). */
  parameters?: Record<string, unknown>;
  /** A fingerprint of the input data, recorded in the manifest. */
  dataFingerprint?: string;
  /** Basket's version, recorded in the manifest. */
  version?: string;
  /**
   * Publish only `index.html` and a manifest without parameters: for an
   * encrypted report, whose CSVs, report.json and notebooks must not be
   * published in clear.
   */
  onlyIndex?: boolean;
  /** Progress messages (stderr in the CLI). */
  log?: (message: string) => void;
  /** The clock (publishing time in the manifest and pointer). */
  now?: () => Date;
  /** Retries of failing S3 calls (delays are injectable for tests). */
  retry?: RetryOptions;
  /** Uploads, and then their checks (HEAD), in flight at once (default 4). */
  concurrency?: number;
  /** Called after each file of the run is uploaded, with the count so far. */
  onUploaded?: (path: string, count: number) => void | Promise<void>;
  /**
   * Whether the store honours conditional PUTs; by default a probe finds out
   * (see `probeConditionalWrites`).
   */
  conditionalWrites?: boolean;
  /**
   * Retention leaves alone runs written to in the last this many
   * milliseconds: they may be publishes in progress (default 1 hour).
   */
  retentionGraceMs?: number;
}

/** What a publish did. */
export interface PublishResult {
  runId: string;
  /** `s3://bucket/prefix/`. */
  target: string;
  /** Where readers open the report, when known. */
  url?: string;
  /** How the URL was found, or why there is none. */
  urlNote: string;
  manifest: RunManifest;
  /**
   * Whether readers now see this run. False when a newer complete run is
   * current (or becoming so): this run is published but never replaces it.
   */
  madeCurrent: boolean;
  /** The run readers see after this publish. */
  current: string;
  /** When not made current: the newer run that is current. */
  newer?: string;
  /** Whether the switch was a compare-and-swap (the store honours conditional PUTs). */
  conditionalWrites: boolean;
  /** Files uploaded (0 when the run was already uploaded). */
  uploaded: number;
  /** Runs deleted by retention. */
  deleted: string[];
  /** Why retention failed, when it did (the publish itself succeeded). */
  retentionError?: string;
}

/**
 * Publishes a finished run folder to `s3://BUCKET/PREFIX/`: uploads its files
 * under `runs/<run-id>/` (long-lived immutable caching, the right
 * Content-Type, optional server-side encryption), checks each one back
 * (size, SHA-256, ETag), uploads `manifest.json`, and only then replaces the
 * top-level `index.html` and `current.json`, so readers switch from one
 * complete run to the next. Finally deletes runs beyond `config.keep`.
 *
 * Throws a {@linkcode PublishError} when anything fails after retries; the
 * previous report then stays current and intact. Republishing a run id with
 * the same files only makes it current again; with different files it is
 * refused.
 */
export async function publishRun(
  client: S3Client,
  config: PublishConfig,
  runDir: string,
  options: PublishRunOptions,
): Promise<PublishResult> {
  const runId = assertRunId(options.runId);
  const log = options.log ?? (() => {});
  const now = options.now ?? (() => new Date());
  const target = s3Target(config);
  const failure = `Cannot publish to ${JSON.stringify(target)}`;
  const files = await readRunFiles(runDir, { onlyIndex: options.onlyIndex });
  const bucket = openBucket(client, config, {
    failure,
    retry: options.retry,
    log,
  });

  const { region } = await bucket.check();
  const conditional = options.conditionalWrites ??
    await probeConditionalWrites(bucket, runId);
  const manifest = buildManifest(files, runId, now(), options);
  const existing = await readExisting(bucket, runId, failure);
  let uploaded = 0;
  let published = manifest;
  if (existing && !sameFiles(existing, manifest)) {
    throw new PublishError(
      `${failure}: run ${
        JSON.stringify(runId)
      } is already published with different files: publish under a new run id`,
    );
  } else if (existing) {
    log(`run ${runId} is already uploaded; checking it and making it current`);
    published = existing;
  } else {
    log(`uploading ${files.length} files to ${target}${runPath(runId)}`);
    uploaded = await uploadFiles(bucket, runId, files, options);
    await verifyUploads(bucket, runId, files, failure, options.concurrency);
    const manifestBytes = new TextEncoder().encode(
      `${JSON.stringify(manifest, null, 2)}\n`,
    );
    await bucket.put(runPath(runId, "manifest.json"), manifestBytes, {
      contentType: "application/json",
      cacheControl: IMMUTABLE,
    });
    const head = await bucket.head(runPath(runId, "manifest.json"));
    if (head?.size !== manifestBytes.byteLength) {
      throw new PublishError(
        `${failure}: the manifest of run ${
          JSON.stringify(runId)
        } did not read back as uploaded`,
      );
    }
  }

  const index = files.find((f) => f.path === INDEX)!;
  const switched = await switchCurrent(bucket, published, index.bytes!, {
    conditional,
    failure,
    now: now(),
    log,
  });
  const result: PublishResult = {
    runId,
    target,
    urlNote: "",
    manifest: published,
    madeCurrent: switched.madeCurrent,
    current: switched.current,
    conditionalWrites: conditional,
    uploaded,
    deleted: [],
  };
  if (!switched.madeCurrent) {
    result.newer = switched.newer ?? switched.current;
    log(
      `run ${runId} is published but not made current: run ${result.newer} is newer${
        switched.restored
          ? ` (run ${runId} replaced it for a moment and put it back)`
          : ""
      }; "deno task publish --rollback ${runId}" makes it current on purpose`,
    );
    return await withReaderUrl(result, client, config, region);
  }
  log(`run ${runId} is now the current report at ${target}`);
  try {
    result.deleted = await applyRetention(
      bucket,
      runId,
      config.keep,
      options.retentionGraceMs,
    );
    if (result.deleted.length) {
      log(
        `deleted ${result.deleted.length} older runs: ${
          result.deleted.join(", ")
        }`,
      );
    }
  } catch (error) {
    result.retentionError = (error as Error).message;
    log(
      `warning: the report is published but older runs were not deleted: ${result.retentionError}`,
    );
  }
  return await withReaderUrl(result, client, config, region);
}

async function withReaderUrl(
  result: PublishResult,
  client: S3Client,
  config: PublishConfig,
  region: string | undefined,
): Promise<PublishResult> {
  const reader = await readerUrl(client, config, region);
  if (reader.url) result.url = reader.url;
  result.urlNote = reader.note;
  return result;
}

function buildManifest(
  files: readonly RunFile[],
  runId: string,
  at: Date,
  options: PublishRunOptions,
): RunManifest {
  const manifest: RunManifest = {
    format: "basket-run@1",
    runId,
    publishedAt: at.toISOString(),
    version: options.version ?? "unknown",
    encrypted: options.onlyIndex === true,
    files: files.map((f) => ({
      path: f.path,
      size: f.size,
      sha256: f.sha256,
      contentType: f.contentType,
    })),
  };
  if (options.dataFingerprint) {
    manifest.dataFingerprint = options.dataFingerprint;
  }
  if (options.parameters && !options.onlyIndex) {
    manifest.parameters = options.parameters;
  }
  return manifest;
}

async function readExisting(
  bucket: S3Bucket,
  runId: string,
  failure: string,
): Promise<RunManifest | undefined> {
  try {
    return await readManifest(bucket, runId);
  } catch (error) {
    if (error instanceof SyntaxError) {
      throw new PublishError(
        `${failure}: run ${
          JSON.stringify(runId)
        } is already published with a manifest that cannot be read: publish under a new run id`,
        { cause: error },
      );
    }
    throw error;
  }
}

async function uploadFiles(
  bucket: S3Bucket,
  runId: string,
  files: readonly RunFile[],
  options: PublishRunOptions,
): Promise<number> {
  const kms = bucket.config.sse === "aws:kms";
  let next = 0;
  let done = 0;
  let failed = false;
  const worker = async () => {
    while (!failed && next < files.length) {
      const file = files[next++];
      const path = runPath(runId, file.path);
      try {
        const { etag } = await bucket.put(path, file.bytes ?? file, {
          contentType: file.contentType,
          cacheControl: IMMUTABLE,
          metadata: { [SHA256_METADATA]: file.sha256 },
        });
        if (!kms && etag && unquote(etag) !== file.md5) {
          throw new PublishError(
            `Cannot publish to ${JSON.stringify(bucket.target)}: ${
              JSON.stringify(path)
            } was damaged in transit (its ETag is not the file's MD5)`,
          );
        }
        done++;
        await options.onUploaded?.(path, done);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  const workers = Array.from(
    { length: Math.min(Math.max(1, options.concurrency ?? 4), files.length) },
    worker,
  );
  const outcomes = await Promise.allSettled(workers);
  const rejected = outcomes.find((o) => o.status === "rejected");
  if (rejected) throw (rejected as PromiseRejectedResult).reason;
  return done;
}

/**
 * Reads back every uploaded file's metadata (HEAD), `concurrency` at a time;
 * the first problem in the files' order is reported, whatever the answers' order.
 */
async function verifyUploads(
  bucket: S3Bucket,
  runId: string,
  files: readonly RunFile[],
  failure: string,
  concurrency = 4,
): Promise<void> {
  const kms = bucket.config.sse === "aws:kms";
  const problems = new Array<string | undefined>(files.length);
  let next = 0;
  let found = false;
  const worker = async () => {
    while (!found && next < files.length) {
      const i = next++;
      const file = files[i];
      const path = runPath(runId, file.path);
      const head = await bucket.head(path).catch((error) => {
        found = true;
        throw error;
      });
      const problem = !head
        ? "is missing after its upload"
        : head.size !== file.size
        ? `has ${head.size} bytes, not ${file.size}`
        : head.metadata[SHA256_METADATA] !== file.sha256
        ? "lacks its SHA-256 metadata"
        : !kms && head.etag && unquote(head.etag) !== file.md5
        ? "does not have the file's MD5 as its ETag"
        : head.contentType !== file.contentType
        ? `has Content-Type ${JSON.stringify(head.contentType)}, not ${
          JSON.stringify(file.contentType)
        }`
        : undefined;
      if (problem) {
        problems[i] = `${JSON.stringify(path)} ${problem}`;
        found = true;
      }
    }
  };
  await Promise.all(
    Array.from(
      { length: Math.min(Math.max(1, concurrency), files.length) },
      worker,
    ),
  );
  const first = problems.find((p) => p !== undefined);
  if (first) throw new PublishError(`${failure}: ${first}`);
}

/**
 * Deletes runs beyond `keep`, only while `runId` is current (a newer run
 * that became current prunes instead), and never a run written to within
 * the grace period, measured on the store's clock: "now" is the newest
 * write under `runs/` (this run's own, moments ago), so the machine's clock
 * plays no part.
 */
async function applyRetention(
  bucket: S3Bucket,
  runId: string,
  keep: number,
  graceMs: number | undefined,
): Promise<string[]> {
  if (keep <= 0) return [];
  const runs = await listRunsWritten(bucket);
  const current = await currentRunId(bucket);
  if (current !== runId) return [];
  const now = new Date(
    Math.max(0, ...runs.map((r) => r.lastWrittenAt?.getTime() ?? 0)),
  );
  const doomed = runsToDelete(runs, keep, current, {
    now,
    ...(graceMs !== undefined ? { graceMs } : {}),
  });
  await deleteRuns(bucket, doomed);
  return doomed;
}

function unquote(etag: string): string {
  return etag.replace(/^W\//, "").replace(/^"|"$/g, "");
}
