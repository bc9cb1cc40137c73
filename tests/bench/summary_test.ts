import { assertEquals, assertStringIncludes } from "../assert.ts";
import type {
  BenchResult,
  ProcessRun,
  SizeResult,
} from "../../bench/bench_result.ts";
import { benchTargets } from "../../bench/bench_targets.ts";
import { formatBenchTable } from "../../bench/format_bench_table.ts";
import { mergeResults } from "../../bench/merge_results.ts";
import { chooseReference } from "../../bench/reference_modes.ts";
import { median, summariseRuns } from "../../bench/summarise_runs.ts";
import { formatRuns, type WarehouseRun } from "../../bench/warehouse_bench.ts";

function run(
  wallSeconds: number,
  overrides: Partial<ProcessRun> = {},
): ProcessRun {
  return {
    wallSeconds,
    userSeconds: wallSeconds * 0.8,
    systemSeconds: wallSeconds * 0.1,
    maxRssBytes: 100e6,
    exitStatus: 0,
    signal: null,
    stages: [
      { name: "load", seconds: wallSeconds / 4 },
      { name: "html", seconds: wallSeconds / 4 },
    ],
    reportBytes: 1.5e6,
    loadAverage: 1,
    error: null,
    ...overrides,
  };
}

function size(
  label: string,
  basket: ProcessRun[],
  reference: ProcessRun[] | null,
  referenceOneThread?: ProcessRun[] | null,
): SizeResult {
  return {
    label,
    lines: 1_000_000,
    customers: 90_000,
    inputBytes: 100e6,
    floorSeconds: 0.05,
    basket,
    reference,
    ...(referenceOneThread !== undefined ? { referenceOneThread } : {}),
    measuredAt: "2026-11-21T22:00:00.000Z",
    loadAverage: [1, 2],
  };
}

const MACHINE = {
  cpu: "Test CPU",
  cores: 2,
  memoryBytes: 24 * 2 ** 30,
  os: "Linux",
  deno: "2.9.5",
  python: "3.11.2",
  libraries: "pandas 1.5.3",
};

Deno.test("median() takes the middle value, or the mean of the middle two", () => {
  assertEquals(median([3, 1, 2]), 2);
  assertEquals(median([4, 1, 3, 2]), 2.5);
});

Deno.test("summariseRuns() takes medians of the runs that succeeded, stage by stage", () => {
  const outcome = summariseRuns([
    run(4),
    run(100, { exitStatus: 1, error: "boom" }),
    run(2),
    run(3),
  ]);
  assertEquals(outcome.ok, true);
  if (!outcome.ok) return;
  assertEquals(outcome.summary.runs, 3);
  assertEquals(outcome.summary.wallSeconds, 3);
  assertEquals(outcome.summary.outsideSeconds, 1.5);
  assertEquals([...outcome.summary.stages], [["load", 0.75], ["html", 0.75]]);
});

Deno.test("summariseRuns() says how the last run ended when none succeeded", () => {
  const outcome = summariseRuns([
    run(95.5, { exitStatus: null, signal: 9, error: null }),
  ]);
  assertEquals(outcome, {
    ok: false,
    reason: "it failed after 95.5 s, killed by signal 9 (out of memory?)",
  });
});

Deno.test("benchTargets() checks wall time and memory at 1m against the reference, and the page size", () => {
  const checks = benchTargets(
    size("1m", [run(3, { maxRssBytes: 600e6 })], [
      run(10, { maxRssBytes: 1000e6 }),
    ]),
  );
  assertEquals(checks.map((c) => [c.target, c.met, c.detail]), [
    [
      "wall time ≤ 0.4× the reference's",
      true,
      "0.30× (3.00 s against 10.00 s, the reference on default threads)",
    ],
    [
      "peak memory ≤ 0.5× the reference's",
      false,
      "0.60× (600.00 MB against 1000.00 MB, the reference on default threads)",
    ],
    [
      "rerun wall time ≤ 0.1× the reference's",
      null,
      "reruns were not measured",
    ],
    ["page under 2.50 MB", true, "1.50 MB"],
  ]);
});

Deno.test("benchTargets() and formatBenchTable() check a rerun's wall time against the reference's whole run", () => {
  const measured = {
    ...size("1m", [run(3)], [run(20, { maxRssBytes: 1000e6 })]),
    rerun: [run(0.5, { maxRssBytes: 80e6 }), run(0.4), run(3)],
  };
  const [check] = benchTargets(measured).filter((c) =>
    c.target.startsWith("rerun")
  );
  assertEquals(
    [check.met, check.detail],
    [true, "0.03× (0.50 s against 20.00 s, the reference on default threads)"],
  );
  const slow = benchTargets({ ...measured, rerun: [run(2.5)] }).find((c) =>
    c.target.startsWith("rerun")
  );
  assertEquals(slow?.met, false);
  const text = formatBenchTable({
    schema: "basket-bench/1",
    date: "2026-11-21",
    machine: MACHINE,
    sizes: [measured],
  });
  assertStringIncludes(
    text,
    "| rerun: wall time | 0.50 s | 20.00 s |  | 0.03× |",
  );
  assertStringIncludes(
    text,
    "| rerun: peak memory (RSS) | 100.0 MB | 1000.0 MB |  | 0.10× |",
  );
  assertStringIncludes(text, "| rerun stage: load | 0.13 s |  |  | |");
  assertStringIncludes(
    text,
    "| 1m | rerun wall time ≤ 0.1× the reference's | yes | 0.03× (0.50 s against 20.00 s, the reference on default threads) |",
  );
});

Deno.test("benchTargets() counts the wall-time target as met when the reference fails first at 10m", () => {
  const checks = benchTargets(
    size("10m", [run(300, { reportBytes: 2.6e6 })], [
      run(200, { exitStatus: null, signal: 9 }),
    ]),
  );
  assertEquals(checks.map((c) => c.met), [true, true, null, false]);
  assertStringIncludes(checks[0].detail, "the reference failed first");
});

Deno.test("benchTargets() cannot tell the ratios when the reference was skipped", () => {
  assertEquals(
    benchTargets(size("50k", [run(1)], null)).map((c) => c.met),
    [null, true],
  );
});

Deno.test("formatBenchTable() puts each measure side by side with its ratio and lists the targets", () => {
  const text = formatBenchTable({
    schema: "basket-bench/1",
    date: "2026-11-21",
    machine: MACHINE,
    sizes: [size("1m", [run(3)], [run(12)])],
  });
  assertStringIncludes(text, "Test CPU, 2 cores, 24 GiB");
  assertStringIncludes(
    text,
    "### 1m: 1,000,000 sale lines, 90,000 customers, 100.0 MB of CSV, median of 1 run each",
  );
  // Saved before both modes were measured: the one-thread column says so.
  assertStringIncludes(
    text,
    "| Measure | Basket | Reference, default threads | Reference, one thread | Basket ÷ reference (default threads) |",
  );
  assertStringIncludes(
    text,
    "| wall time | 3.00 s | 12.00 s | not measured | 0.25× |",
  );
  assertStringIncludes(
    text,
    "| stage: load | 0.75 s | 3.00 s | not measured | 0.25× |",
  );
  assertStringIncludes(
    text,
    "| outside the stages (start-up, exit) | 1.50 s | 6.00 s | not measured | 0.25× |",
  );
  assertStringIncludes(
    text,
    "| floor: read the input once, counting lines | 0.05 s |  |  | |",
  );
  assertStringIncludes(text, "| 1m | wall time ≤ 0.4× the reference's | yes |");
});

Deno.test("formatBenchTable() says when the reference failed", () => {
  const text = formatBenchTable({
    schema: "basket-bench/1",
    date: "2026-11-21",
    machine: MACHINE,
    sizes: [
      size("10m", [run(3)], [run(50, { exitStatus: 1, error: "MemoryError" })]),
    ],
  });
  assertStringIncludes(
    text,
    "| wall time | 3.00 s | failed | not measured | – |",
  );
  assertStringIncludes(
    text,
    "The reference on default threads failed: it failed after 50.0 s, exit status 1: MemoryError.",
  );
});

Deno.test("mergeResults() replaces sizes measured again the same day and keeps the others", () => {
  const day = (date: string, sizes: SizeResult[]): BenchResult => ({
    schema: "basket-bench/1",
    date,
    machine: MACHINE,
    sizes,
  });
  const old1m = size("1m", [run(5)], null);
  const new1m = size("1m", [run(4)], null);
  const big = { ...size("10m", [run(60)], null), lines: 10_000_000 };
  const merged = mergeResults(
    day("2026-11-21", [big, old1m]),
    day("2026-11-21", [new1m]),
  );
  assertEquals(merged.sizes, [new1m, big]);
  assertEquals(
    mergeResults(day("2026-11-20", [big]), day("2026-11-21", [new1m])).sizes,
    [new1m],
  );
});

Deno.test("mergeResults() keeps a size's comparison with the reference when a later run skipped it", () => {
  const day = (sizes: SizeResult[]): BenchResult => ({
    schema: "basket-bench/1",
    date: "2026-11-21",
    machine: MACHINE,
    sizes,
  });
  const compared = size("50k", [run(5)], [run(9)]);
  const smoke = size("50k", [run(4)], null);
  const merged = mergeResults(day([compared]), {
    ...day([smoke]),
    machine: { ...MACHINE, python: null, libraries: null },
  });
  assertEquals(merged.sizes, [compared]);
  assertEquals(merged.machine, MACHINE);
  const again = size("50k", [run(4)], [run(8)]);
  assertEquals(mergeResults(day([compared]), day([again])).sizes, [again]);
});

Deno.test("chooseReference() takes the mode of the reference with the lower median wall time", () => {
  const choice = (
    reference: ProcessRun[] | null,
    oneThread?: ProcessRun[] | null,
  ) => {
    const chosen = chooseReference(size("1m", [run(3)], reference, oneThread));
    return [
      chosen.mode,
      chosen.outcome?.ok ? chosen.outcome.summary.wallSeconds : null,
    ];
  };
  assertEquals(choice([run(12), run(9), run(10)], [run(8), run(9)]), [
    "one-thread",
    8.5,
  ]);
  assertEquals(choice([run(9)], [run(8), run(20), run(10)]), ["default", 9]);
  // A tie keeps the default threads.
  assertEquals(choice([run(9)], [run(9)]), ["default", 9]);
  // A mode that failed is never the faster; the one that finished is taken.
  assertEquals(
    choice([run(30)], [run(5, { exitStatus: 1, error: "MemoryError" })]),
    ["default", 30],
  );
  assertEquals(
    choice([run(5, { exitStatus: null, signal: 9 })], [run(30)]),
    ["one-thread", 30],
  );
  // Saved before both modes were measured: the default threads.
  assertEquals(choice([run(9)]), ["default", 9]);
  assertEquals(choice(null, null), [null, null]);
});

Deno.test("chooseReference() keeps the default threads' failure when both modes failed", () => {
  const chosen = chooseReference(
    size("10m", [run(300)], [run(50, { exitStatus: 1, error: "first" })], [
      run(40, { exitStatus: 1, error: "second" }),
    ]),
  );
  assertEquals(chosen.mode, "default");
  assertEquals(chosen.outcome?.ok, false);
  const checks = benchTargets(
    size("10m", [run(300)], [run(50, { exitStatus: 1 })], [
      run(40, { exitStatus: 1 }),
    ]),
  );
  assertStringIncludes(checks[0].detail, "the reference failed first");
});

Deno.test("formatBenchTable() prints both modes of the reference and takes every ratio against the faster", () => {
  const measured = {
    ...size("50k", [run(3, { maxRssBytes: 300e6 })], [
      run(16, { maxRssBytes: 400e6 }),
    ], [run(12, { maxRssBytes: 500e6 })]),
    rerun: [run(0.6)],
  };
  const text = formatBenchTable({
    schema: "basket-bench/1",
    date: "2026-12-05",
    machine: MACHINE,
    sizes: [measured],
  });
  assertStringIncludes(
    text,
    "The reference ran on its default threads and on one thread (OMP_NUM_THREADS, OPENBLAS_NUM_THREADS and MKL_NUM_THREADS at 1); every ratio is against the faster, one thread (12.00 s against 16.00 s on default threads).",
  );
  assertStringIncludes(
    text,
    "| Measure | Basket | Reference, default threads | Reference, one thread | Basket ÷ reference (one thread) |\n| --- | ---: | ---: | ---: | ---: |\n",
  );
  assertStringIncludes(
    text,
    "| wall time | 3.00 s | 16.00 s | 12.00 s | 0.25× |",
  );
  // Memory too is against the faster mode, though it used more.
  assertStringIncludes(
    text,
    "| peak memory (RSS) | 300.0 MB | 400.0 MB | 500.0 MB | 0.60× |",
  );
  assertStringIncludes(
    text,
    "| stage: load | 0.75 s | 4.00 s | 3.00 s | 0.25× |",
  );
  assertStringIncludes(
    text,
    "| rerun: wall time | 0.60 s |  | 12.00 s | 0.05× |",
  );
  assertStringIncludes(
    text,
    "| 50k | wall time ≤ 0.3× the reference's | yes | 0.25× (3.00 s against 12.00 s, the reference on one thread) |",
  );
  const skipped = formatBenchTable({
    schema: "basket-bench/1",
    date: "2026-12-05",
    machine: MACHINE,
    sizes: [size("50k", [run(3)], null, null)],
  });
  assertStringIncludes(
    skipped,
    "| Measure | Basket | Reference, default threads | Reference, one thread | Basket ÷ reference |",
  );
  assertStringIncludes(
    skipped,
    "| wall time | 3.00 s | skipped | skipped | – |",
  );
});

Deno.test("the warehouse bench's table gives each stage's peak memory and says whether the run stayed under 500 MB", () => {
  const run = (label: string, maxRssBytes: number): WarehouseRun => ({
    label,
    lines: 1000,
    customers: 10,
    scoredCustomers: 8,
    segmentsBytes: 1_234_567,
    loadSeconds: 1,
    wallSeconds: 12,
    userSeconds: 5,
    systemSeconds: 1,
    maxRssBytes,
    exitStatus: 0,
    signal: null,
    stages: [
      { name: "load", seconds: 1.5, peakBytes: 132e6 },
      { name: "segmentation", seconds: 9.25, peakBytes: maxRssBytes },
    ],
    engine: { queries: 3, rowsReturned: 40, bytesReturned: 2e6 },
    error: null,
  });
  const table = formatRuns([run("1m", 421e6), run("10m", 1_083e6)]);
  assertStringIncludes(table, "| 10m: stage | time | peak memory so far |");
  assertStringIncludes(table, "| segmentation | 9.3 s | 1083 MB |");
  assertStringIncludes(table, "| 2.0 MB | 8 | 1.2 MB |");
  assertStringIncludes(
    table,
    "1m: Basket's peak memory 421.0 MB, under the target of 500 MB",
  );
  assertStringIncludes(
    table,
    "10m: Basket's peak memory 1083.0 MB, NOT under the target of 500 MB",
  );
});
