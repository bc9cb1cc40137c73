import { currentRunId, RUNS } from "./published_run.ts";
import { isRunId } from "./run_id.ts";
import type { S3Bucket } from "./s3_bucket.ts";

/** A run found in the bucket. */
export interface PublishedRun {
  runId: string;
  /** When its manifest (else its newest file) was written. */
  publishedAt?: Date;
  /** Bytes in all its files. */
  size: number;
  files: number;
  /** Whether it has a manifest, i.e. finished uploading. */
  complete: boolean;
  /** Whether it is the run readers see. */
  current: boolean;
}

/** A run with when its newest object was written, for retention. */
export interface ListedRun extends PublishedRun {
  lastWrittenAt?: Date;
}

/** Lists the runs under `runs/`, newest first, marking the current one. */
export async function listPublishedRuns(
  bucket: S3Bucket,
): Promise<PublishedRun[]> {
  return (await listRunsWritten(bucket)).map(({ lastWrittenAt: _, ...run }) =>
    run
  );
}

/** {@linkcode listPublishedRuns}, with when each run's newest object was written. */
export async function listRunsWritten(
  bucket: S3Bucket,
): Promise<ListedRun[]> {
  const [objects, current] = await Promise.all([
    bucket.list(RUNS),
    currentRunId(bucket),
  ]);
  const runs = new Map<string, PublishedRun & { newest?: Date }>();
  for (const object of objects) {
    const rest = object.path.slice(RUNS.length);
    const slash = rest.indexOf("/");
    if (slash <= 0) continue;
    const runId = rest.slice(0, slash);
    if (!isRunId(runId)) continue;
    let run = runs.get(runId);
    if (!run) {
      run = {
        runId,
        size: 0,
        files: 0,
        complete: false,
        current: runId === current,
      };
      runs.set(runId, run);
    }
    run.size += object.size;
    run.files += 1;
    const modified = object.lastModified;
    if (rest.slice(slash + 1) === "manifest.json") {
      run.complete = true;
      if (modified) run.publishedAt = modified;
    }
    if (modified && (!run.newest || modified > run.newest)) {
      run.newest = modified;
    }
  }
  return [...runs.values()]
    .map(({ newest, ...run }) => {
      const publishedAt = run.publishedAt ?? newest;
      const listed: ListedRun = publishedAt ? { ...run, publishedAt } : run;
      if (newest) listed.lastWrittenAt = newest;
      return listed;
    })
    .sort((a, b) => (a.runId < b.runId ? 1 : a.runId > b.runId ? -1 : 0));
}

/**
 * Deletes every object of the given runs, each run's manifest first, so that
 * a run cut short while being deleted reads as incomplete, never as whole.
 */
export async function deleteRuns(
  bucket: S3Bucket,
  runIds: readonly string[],
): Promise<void> {
  for (const runId of runIds) {
    const manifest = `${RUNS}${runId}/manifest.json`;
    const paths = (await bucket.list(`${RUNS}${runId}/`)).map((o) => o.path);
    if (paths.includes(manifest)) await bucket.remove([manifest]);
    await bucket.remove(paths.filter((p) => p !== manifest));
  }
}
