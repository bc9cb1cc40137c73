import type { PublishedRun } from "./published_runs.ts";

/**
 * The runs retention deletes: every run older than the current one except
 * the `keep` newest complete runs (the current run is always kept, and so is
 * anything newer than it, which may be a publish in progress). `keep` 0 keeps
 * everything. Pure.
 *
 * @example
 * ```ts
 * import { deepEqual } from "node:assert/strict";
 * import { runsToDelete } from "./runs_to_delete.ts";
 *
 * const run = (runId: string) => ({ runId, complete: true });
 * const runs = ["20260101T000000Z", "20260102T000000Z", "20260103T000000Z"].map(run);
 * deepEqual(runsToDelete(runs, 2, "20260103T000000Z"), ["20260101T000000Z"]);
 * ```
 */
export function runsToDelete(
  runs: readonly Pick<PublishedRun, "runId" | "complete">[],
  keep: number,
  current: string,
): string[] {
  if (keep <= 0) return [];
  const kept = new Set(
    runs.filter((r) => r.complete).map((r) => r.runId).sort().reverse().slice(
      0,
      keep,
    ),
  );
  kept.add(current);
  return runs
    .map((r) => r.runId)
    .filter((id) => !kept.has(id) && id < current)
    .sort();
}
