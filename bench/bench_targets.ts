import type { SizeResult } from "./bench_result.ts";
import { chooseReference, REFERENCE_LABEL } from "./reference_modes.ts";
import { summariseRuns } from "./summarise_runs.ts";

/** A target of the benchmark and whether a run met it. */
export interface TargetCheck {
  size: string;
  target: string;
  /** Null when it could not be told (the reference was skipped). */
  met: boolean | null;
  detail: string;
}

/** The report's page must stay under this many bytes at every size. */
export const MAX_REPORT_BYTES = 2_500_000;

/**
 * Wall-time, memory and rerun targets against the reference, by size
 * label: `rerun` is a rerun's wall time (the cache on, unchanged input)
 * against the reference's.
 */
export const TARGETS: Record<
  string,
  { wall: number; memory?: number; rerun?: number }
> = {
  "50k": { wall: 0.3 },
  "1m": { wall: 0.4, memory: 0.5, rerun: 0.1 },
  "10m": { wall: 0.4, memory: 1, rerun: 0.1 },
};

const ratio = (x: number) => `${x.toFixed(2)}×`;
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(2)} MB`;

/**
 * Checks one size's results against the targets: at 50k lines the whole
 * report in at most 0.3× the reference's wall time; at 1M at most 0.4× and
 * at most half its peak memory; at 10M at most 0.4× and no more peak memory
 * (or the reference fails first); a rerun at 1M and 10M in at most 0.1× the
 * reference's wall time; at every size a page under 2.5 MB. Ratios are of
 * medians, against the faster of the reference's two modes
 * (chooseReference).
 *
 * @example
 * ```ts
 * import { benchTargets } from "./bench_targets.ts";
 * const run = (wallSeconds: number) => ({
 *   wallSeconds, userSeconds: 1, systemSeconds: 0, maxRssBytes: 1e8, exitStatus: 0,
 *   signal: null, stages: [], reportBytes: 1e6, loadAverage: 0, error: null,
 * });
 * const checks = benchTargets({
 *   label: "50k", lines: 54743, customers: 5000, inputBytes: 5e6, floorSeconds: 0.01,
 *   basket: [run(1)], reference: [run(5)], measuredAt: "", loadAverage: [0, 0],
 * });
 * if (checks.map((c) => c.met).join() !== "true,true") throw new Error(JSON.stringify(checks));
 * ```
 */
export function benchTargets(size: SizeResult): TargetCheck[] {
  const basket = summariseRuns(size.basket);
  const chosen = chooseReference(size);
  const reference = chosen.outcome;
  const mode = chosen.mode
    ? `, the reference on ${REFERENCE_LABEL[chosen.mode]}`
    : "";
  const checks: TargetCheck[] = [];
  const goal = TARGETS[size.label];
  const check = (target: string, met: boolean | null, detail: string) =>
    checks.push({ size: size.label, target, met, detail });
  if (goal) {
    const target = `wall time ≤ ${goal.wall}× the reference's`;
    if (!basket.ok) check(target, false, `Basket failed: ${basket.reason}`);
    else if (!reference) check(target, null, "the reference was skipped");
    else if (!reference.ok) {
      check(target, true, `the reference failed first: ${reference.reason}`);
    } else {
      const r = basket.summary.wallSeconds / reference.summary.wallSeconds;
      check(
        target,
        r <= goal.wall,
        `${ratio(r)} (${basket.summary.wallSeconds.toFixed(2)} s against ${
          reference.summary.wallSeconds.toFixed(2)
        } s${mode})`,
      );
    }
    if (goal.memory !== undefined) {
      const target = `peak memory ≤ ${goal.memory}× the reference's`;
      if (!basket.ok) check(target, false, `Basket failed: ${basket.reason}`);
      else if (!reference) check(target, null, "the reference was skipped");
      else if (!reference.ok) {
        check(target, true, `the reference failed first: ${reference.reason}`);
      } else {
        const r = basket.summary.maxRssBytes / reference.summary.maxRssBytes;
        check(
          target,
          r <= goal.memory,
          `${ratio(r)} (${mb(basket.summary.maxRssBytes)} against ${
            mb(reference.summary.maxRssBytes)
          }${mode})`,
        );
      }
    }
  }
  if (goal?.rerun !== undefined) {
    const target = `rerun wall time ≤ ${goal.rerun}× the reference's`;
    const rerun = size.rerun?.length ? summariseRuns(size.rerun) : null;
    if (!rerun) check(target, null, "reruns were not measured");
    else if (!rerun.ok) {
      check(target, false, `the rerun failed: ${rerun.reason}`);
    } else if (!reference) check(target, null, "the reference was skipped");
    else if (!reference.ok) {
      check(target, true, `the reference failed: ${reference.reason}`);
    } else {
      const r = rerun.summary.wallSeconds / reference.summary.wallSeconds;
      check(
        target,
        r <= goal.rerun,
        `${ratio(r)} (${rerun.summary.wallSeconds.toFixed(2)} s against ${
          reference.summary.wallSeconds.toFixed(2)
        } s${mode})`,
      );
    }
  }
  const target = `page under ${mb(MAX_REPORT_BYTES)}`;
  if (!basket.ok) check(target, false, `Basket failed: ${basket.reason}`);
  else if (basket.summary.reportBytes === null) {
    check(target, false, "Basket wrote no page");
  } else {
    check(
      target,
      basket.summary.reportBytes < MAX_REPORT_BYTES,
      mb(basket.summary.reportBytes),
    );
  }
  return checks;
}
