import type { ProcessRun, SizeResult } from "./bench_result.ts";
import { type RunOutcome, summariseRuns } from "./summarise_runs.ts";

/**
 * The two ways the bench runs the reference pipeline: with the threads
 * scikit-learn, OpenMP and BLAS choose by default, and with each of them on
 * one thread (on a busy machine the default threads spin while they wait for
 * a core, and one thread is often faster).
 */
export type ReferenceMode = "default" | "one-thread";

/** What each mode adds to the reference's environment. */
export const REFERENCE_ENV: Record<ReferenceMode, Record<string, string>> = {
  "default": {},
  "one-thread": {
    OMP_NUM_THREADS: "1",
    OPENBLAS_NUM_THREADS: "1",
    MKL_NUM_THREADS: "1",
  },
};

/** How the table names each mode. */
export const REFERENCE_LABEL: Record<ReferenceMode, string> = {
  "default": "default threads",
  "one-thread": "one thread",
};

/** The modes in the order the table shows them. */
export const REFERENCE_MODES: readonly ReferenceMode[] = [
  "default",
  "one-thread",
];

/** One mode's runs at a size: their medians, or null when it was not run. */
export interface ReferenceModeOutcome {
  mode: ReferenceMode;
  outcome: RunOutcome | null;
}

/** The reference every ratio of a size is taken against. */
export interface ChosenReference {
  /** The mode chosen, or null when the reference was skipped. */
  mode: ReferenceMode | null;
  /** Its outcome, or null when the reference was skipped. */
  outcome: RunOutcome | null;
  /** Every mode, in table order. */
  modes: ReferenceModeOutcome[];
}

/** A size's runs of the reference in `mode`; null when not run (skipped, or saved before the mode was measured). */
export function referenceRuns(
  size: SizeResult,
  mode: ReferenceMode,
): ProcessRun[] | null {
  return mode === "default" ? size.reference : size.referenceOneThread ?? null;
}

/**
 * Chooses the reference of a size's ratios: of the modes that ran and
 * succeeded, the one with the lower median wall time (the default threads
 * on a tie); when every mode that ran failed, the first of them, so that
 * the table says how it failed.
 *
 * @example
 * ```ts
 * import { chooseReference } from "./reference_modes.ts";
 * const run = (wallSeconds: number) => ({
 *   wallSeconds, userSeconds: 1, systemSeconds: 0, maxRssBytes: 1e8, exitStatus: 0,
 *   signal: null, stages: [], reportBytes: 1e6, loadAverage: 0, error: null,
 * });
 * const chosen = chooseReference({
 *   label: "50k", lines: 54743, customers: 5000, inputBytes: 5e6, floorSeconds: 0.01,
 *   basket: [run(1)], reference: [run(9)], referenceOneThread: [run(6)],
 *   measuredAt: "", loadAverage: [0, 0],
 * });
 * if (chosen.mode !== "one-thread") throw new Error(JSON.stringify(chosen));
 * ```
 */
export function chooseReference(size: SizeResult): ChosenReference {
  const modes = REFERENCE_MODES.map((mode) => {
    const runs = referenceRuns(size, mode);
    return { mode, outcome: runs ? summariseRuns(runs) : null };
  });
  const ran = modes.filter((m) => m.outcome !== null);
  let chosen: ReferenceModeOutcome | null = null;
  for (const candidate of ran) {
    const outcome = candidate.outcome!;
    if (!outcome.ok) continue;
    const best = chosen?.outcome;
    if (!best?.ok || outcome.summary.wallSeconds < best.summary.wallSeconds) {
      chosen = candidate;
    }
  }
  chosen ??= ran[0] ?? null;
  return {
    mode: chosen?.mode ?? null,
    outcome: chosen?.outcome ?? null,
    modes,
  };
}
