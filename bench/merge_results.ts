import type { BenchResult } from "./bench_result.ts";

/**
 * Merges a new benchmark run into the results already saved for its date:
 * sizes measured again replace the earlier ones (but a run that skipped the
 * reference does not replace one that has it, so a smoke run keeps the day's
 * comparison), the others are kept, and sizes are listed from the smallest
 * data to the largest. The machine is the new run's (with the earlier Python
 * versions when it skipped the reference).
 *
 * @example
 * ```ts
 * import { mergeResults } from "./merge_results.ts";
 * const machine = { cpu: "x", cores: 2, memoryBytes: 1, os: "", deno: "", python: null, libraries: null };
 * const size = (label: string, lines: number) => ({
 *   label, lines, customers: 0, inputBytes: 0, floorSeconds: 0, basket: [],
 *   reference: null, measuredAt: "", loadAverage: [0, 0] as [number, number],
 * });
 * const merged = mergeResults(
 *   { schema: "basket-bench/1", date: "2026-01-01", machine, sizes: [size("50k", 5e4), size("10m", 1e7)] },
 *   { schema: "basket-bench/1", date: "2026-01-01", machine, sizes: [size("1m", 1e6)] },
 * );
 * if (merged.sizes.map((s) => s.label).join() !== "50k,1m,10m") throw new Error("order");
 * ```
 */
export function mergeResults(
  previous: BenchResult | null,
  next: BenchResult,
): BenchResult {
  if (
    !previous || previous.schema !== next.schema || previous.date !== next.date
  ) {
    return next;
  }
  const earlier = new Map(previous.sizes.map((s) => [s.label, s]));
  const replacing = next.sizes.filter((s) =>
    s.reference !== null || !earlier.get(s.label)?.reference
  );
  const measured = new Set(replacing.map((s) => s.label));
  const sizes = [
    ...previous.sizes.filter((s) => !measured.has(s.label)),
    ...replacing,
  ].sort((a, b) => a.lines - b.lines);
  // A run without the reference does not know the Python versions.
  const machine = {
    ...next.machine,
    python: next.machine.python ?? previous.machine.python,
    libraries: next.machine.libraries ?? previous.machine.libraries,
  };
  return { ...next, machine, sizes };
}
