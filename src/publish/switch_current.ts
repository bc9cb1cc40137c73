import {
  DamagedSwitch,
  publishedIndex,
  putIndex,
  type SwitchCondition,
  writePointer,
} from "./make_current.ts";
import { INDEX, RUN_ID_METADATA, RUNS } from "./published_run.ts";
import { PublishError } from "./publish_error.ts";
import { isRunId } from "./run_id.ts";
import type { RunManifest } from "./run_manifest.ts";
import type { S3Bucket } from "./s3_bucket.ts";

/** Options for {@linkcode switchCurrent}. */
export interface SwitchOptions {
  /**
   * Whether the store honours `If-Match`/`If-None-Match` on PUT (see
   * `probeConditionalWrites`): then every switch is a compare-and-swap on
   * the index's ETag; else the ordering rule alone.
   */
  conditional: boolean;
  /** Starts error messages: `Cannot publish to "s3://b/p/"`. */
  failure: string;
  now: Date;
  log?: (message: string) => void;
}

/** What a switch did. */
export interface SwitchOutcome {
  /** The run the top-level index shows afterwards. */
  current: string;
  /** Whether that is the run being published. */
  madeCurrent: boolean;
  /** When it is not: the newer complete run that is current or will be. */
  newer?: string;
  /**
   * The run was current for a moment, over a newer run that finished at the
   * same time, and put that newer run back (the ordering rule's window).
   */
  restored?: boolean;
}

/** Decisions a switch makes before it gives up on a busy prefix. */
export const SWITCH_ROUNDS = 8;

/**
 * Makes a complete run the current report unless a newer complete run
 * exists: run ids are time-ordered, and a run never makes itself current
 * over a newer complete one. Each round reads the newest complete run (its
 * manifest is written last) and the index's run id, and decides:
 *
 * - the index shows the newest complete run: done;
 * - a newer complete run exists and this publish has not switched: leave
 *   the index alone and say so;
 * - else upload the newest complete run's page as the index, read it back,
 *   and look again. With conditional writes the upload is a compare-and-swap
 *   on the ETag just read, so it never replaces an index it did not see;
 *   without them, a run that finds it replaced a newer run's switch puts
 *   the newer run back.
 *
 * Throws a {@linkcode PublishError} when the switch fails or keeps being
 * overtaken; its message says which run readers may see.
 */
export async function switchCurrent(
  bucket: S3Bucket,
  manifest: RunManifest,
  indexBytes: Uint8Array,
  options: SwitchOptions,
): Promise<SwitchOutcome> {
  const me = manifest.runId;
  const { failure } = options;
  const log = options.log ?? (() => {});
  let switched = false;
  let previous: string | undefined;
  for (let round = 1; round <= SWITCH_ROUNDS; round++) {
    const newest = newestComplete(await bucket.list(RUNS), me);
    const head = await bucket.head(INDEX);
    const current = head?.metadata[RUN_ID_METADATA];
    if (round === 1) previous = current;
    if (current === newest) {
      if (newest === me) {
        await writePointer(bucket, manifest, options.now);
        return { current, madeCurrent: true };
      }
      return switched
        ? { current, madeCurrent: false, newer: newest, restored: true }
        : { current, madeCurrent: false, newer: newest };
    }
    if (current && isRunId(current) && current > newest) {
      return { current, madeCurrent: false, newer: current };
    }
    if (newest !== me && !switched) {
      return current
        ? { current, madeCurrent: false, newer: newest }
        : { current: newest, madeCurrent: false, newer: newest };
    }
    const target = newest === me
      ? { manifest, bytes: indexBytes }
      : await publishedIndex(bucket, newest, failure);
    if (newest !== me) {
      log(
        `run ${current} replaced the newer run ${newest} as the current report; putting ${newest} back`,
      );
    }
    const condition: SwitchCondition = !options.conditional
      ? {}
      : head?.etag
      ? { ifMatch: head.etag }
      : { ifNoneMatch: "*" };
    let put: "done" | "refused";
    try {
      put = await putIndex(
        bucket,
        target.manifest,
        target.bytes,
        condition,
        failure,
        log,
      );
    } catch (error) {
      throw await explainFailure(bucket, error, target.manifest, {
        ...options,
        previous,
      });
    }
    if (put === "done") {
      switched = true;
      if (newest !== me) {
        await writePointer(bucket, target.manifest, options.now);
      }
    }
  }
  throw new PublishError(
    `${failure}: the top-level index.html kept changing while run ${
      JSON.stringify(me)
    } tried to become current (${SWITCH_ROUNDS} tries): other publishes are running; "deno task publish --list-runs" shows which run is current`,
  );
}

/** The newest run id with a manifest under `runs/`, or `atLeast` if newer. */
export function newestComplete(
  objects: readonly { path: string }[],
  atLeast: string,
): string {
  let newest = atLeast;
  for (const { path } of objects) {
    const rest = path.slice(RUNS.length);
    const slash = rest.indexOf("/");
    const runId = rest.slice(0, slash);
    if (
      slash > 0 && rest.slice(slash + 1) === "manifest.json" &&
      isRunId(runId) && runId > newest
    ) {
      newest = runId;
    }
  }
  return newest;
}

/**
 * The error for a switch that failed. A damaged index is replaced by the
 * previous run's page when it can be; a switch whose requests failed may
 * still land late, so the message says so.
 */
async function explainFailure(
  bucket: S3Bucket,
  error: unknown,
  target: RunManifest,
  options: SwitchOptions & { previous: string | undefined },
): Promise<unknown> {
  if (!(error instanceof PublishError)) return error;
  const run = JSON.stringify(target.runId);
  if (error instanceof DamagedSwitch) {
    const previous = options.previous;
    if (!previous || previous === target.runId) {
      return new PublishError(
        `${error.message}: readers may see a damaged page until a publish or rollback succeeds`,
        { cause: error },
      );
    }
    try {
      const back = await publishedIndex(bucket, previous, options.failure);
      await putIndex(bucket, back.manifest, back.bytes, {}, options.failure);
      return new PublishError(
        `${error.message}: the previous report, run ${
          JSON.stringify(previous)
        }, was put back`,
        { cause: error },
      );
    } catch {
      return new PublishError(
        `${error.message}: readers may see a damaged page: run "deno task publish --rollback ${previous}"`,
        { cause: error },
      );
    }
  }
  return new PublishError(
    `${error.message} (if a request reached the store late, readers may yet be switched to run ${run}${
      options.conditional ? "" : ", even over a newer run"
    }: "deno task publish --list-runs" shows which run is current)`,
    { cause: error },
  );
}
