import type { ProcessRun } from "./bench_result.ts";

/** The medians of a pipeline's runs. */
export interface RunSummary {
  runs: number;
  wallSeconds: number;
  /** User + system CPU time. */
  cpuSeconds: number;
  maxRssBytes: number;
  reportBytes: number | null;
  /** Wall time outside the stages (start-up, exit): the median over runs of wall time less the stages. */
  outsideSeconds: number;
  /** Median seconds per stage, in the order the stages first appeared. */
  stages: Map<string, number>;
}

/** How a set of runs ended: their medians, or why none finished. */
export type RunOutcome =
  | { ok: true; summary: RunSummary }
  | { ok: false; reason: string };

/** The median of some numbers (the mean of the middle two for an even count). */
export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2
    ? sorted[middle]
    : (sorted[middle - 1] + sorted[middle]) / 2;
}

/**
 * Summarises a pipeline's runs at one size: the median wall time, CPU time,
 * peak memory, page size and stage times of the runs that succeeded. When
 * none succeeded, says how the last one ended.
 *
 * @example
 * ```ts
 * import { summariseRuns } from "./summarise_runs.ts";
 * const run = (wallSeconds: number) => ({
 *   wallSeconds, userSeconds: 1, systemSeconds: 0, maxRssBytes: 1e6, exitStatus: 0,
 *   signal: null, stages: [{ name: "load", seconds: wallSeconds / 2 }],
 *   reportBytes: 100, loadAverage: 0, error: null,
 * });
 * const outcome = summariseRuns([run(3), run(1), run(2)]);
 * if (!outcome.ok || outcome.summary.wallSeconds !== 2) throw new Error(JSON.stringify(outcome));
 * ```
 */
export function summariseRuns(runs: readonly ProcessRun[]): RunOutcome {
  const ok = runs.filter((r) => r.exitStatus === 0);
  if (ok.length === 0) {
    const last = runs.at(-1);
    if (!last) return { ok: false, reason: "it did not run" };
    const how = last.signal !== null
      ? `killed by signal ${last.signal}${
        last.signal === 9 ? " (out of memory?)" : ""
      }`
      : `exit status ${last.exitStatus}`;
    return {
      ok: false,
      reason: `it failed after ${last.wallSeconds.toFixed(1)} s, ${how}${
        last.error ? `: ${last.error}` : ""
      }`,
    };
  }
  const stages = new Map<string, number>();
  for (const run of ok) {
    for (const stage of run.stages) {
      if (!stages.has(stage.name)) stages.set(stage.name, NaN);
    }
  }
  for (const name of stages.keys()) {
    stages.set(
      name,
      median(ok.map((r) =>
        r.stages.filter((s) => s.name === name).reduce(
          (sum, s) => sum + s.seconds,
          0,
        )
      )),
    );
  }
  const pages = ok.map((r) => r.reportBytes).filter((b) => b !== null);
  return {
    ok: true,
    summary: {
      runs: ok.length,
      wallSeconds: median(ok.map((r) => r.wallSeconds)),
      cpuSeconds: median(ok.map((r) => r.userSeconds + r.systemSeconds)),
      maxRssBytes: median(ok.map((r) => r.maxRssBytes)),
      reportBytes: pages.length ? median(pages) : null,
      outsideSeconds: median(
        ok.map((r) =>
          r.wallSeconds - r.stages.reduce((sum, s) => sum + s.seconds, 0)
        ),
      ),
      stages,
    },
  };
}
