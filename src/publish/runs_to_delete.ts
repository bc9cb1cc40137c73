import type { ListedRun } from "./published_runs.ts";

/** Options for {@linkcode runsToDelete}. */
export interface RunsToDeleteOptions {
  /** The time now. */
  now: Date;
  /**
   * A run written to more recently than this many milliseconds ago is kept:
   * it may be a publish still uploading (default 1 hour).
   */
  graceMs?: number;
}

/** How long a run written to is left alone by retention. */
export const RETENTION_GRACE_MS = 60 * 60 * 1000;

/**
 * The runs retention deletes: every run older than the current one except
 * the `keep` newest complete runs, and of those only runs whose newest object
 * is older than the grace period (the current run is always kept, and so is
 * anything newer than it, or written to lately, which may be a publish in
 * progress; a run whose write time is unknown is kept). `keep` 0 keeps
 * everything. Pure.
 *
 * @example
 * ```ts
 * import { deepEqual } from "node:assert/strict";
 * import { runsToDelete } from "./runs_to_delete.ts";
 *
 * const lastWrittenAt = new Date("2026-01-03T00:00:00Z");
 * const run = (runId: string) => ({ runId, complete: true, lastWrittenAt });
 * const runs = ["20260101T000000Z", "20260102T000000Z", "20260103T000000Z"].map(run);
 * const now = new Date("2026-01-03T02:00:00Z");
 * deepEqual(runsToDelete(runs, 2, "20260103T000000Z", { now }), ["20260101T000000Z"]);
 * deepEqual(runsToDelete(runs, 2, "20260103T000000Z", { now, graceMs: 3 * 3600_000 }), []);
 * ```
 */
export function runsToDelete(
  runs: readonly Pick<ListedRun, "runId" | "complete" | "lastWrittenAt">[],
  keep: number,
  current: string,
  options: RunsToDeleteOptions,
): string[] {
  if (keep <= 0) return [];
  const kept = new Set(
    runs.filter((r) => r.complete).map((r) => r.runId).sort().reverse().slice(
      0,
      keep,
    ),
  );
  kept.add(current);
  const before = options.now.getTime() -
    (options.graceMs ?? RETENTION_GRACE_MS);
  return runs
    .filter((r) =>
      !kept.has(r.runId) && r.runId < current &&
      r.lastWrittenAt !== undefined && r.lastWrittenAt.getTime() <= before
    )
    .map((r) => r.runId)
    .sort();
}
