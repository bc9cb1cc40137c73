import type { BenchResult, SizeResult } from "./bench_result.ts";
import { benchTargets } from "./bench_targets.ts";
import { type RunOutcome, summariseRuns } from "./summarise_runs.ts";

const count = new Intl.NumberFormat("en-US");
const seconds = (s: number) => `${s.toFixed(2)} s`;
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
const times = (x: number) => Number.isFinite(x) ? `${x.toFixed(2)}×` : "–";

/**
 * The benchmark's results as Markdown: per size, a table of wall time, CPU
 * time, peak memory, page size and each stage for Basket and the reference
 * with their ratio, the floor, and the targets met or missed.
 */
export function formatBenchTable(result: BenchResult): string {
  const { machine } = result;
  const lines = [
    `Basket benchmark, ${result.date}: ${machine.cpu}, ${machine.cores} cores, ${
      (machine.memoryBytes / 2 ** 30).toFixed(0)
    } GiB, ${machine.os}; Deno ${machine.deno}${
      machine.python ? `; Python ${machine.python}` : ""
    }${
      machine.libraries ? ` (${machine.libraries})` : ""
    }. Medians of each pipeline's runs; MB = 10^6 bytes.`,
  ];
  for (const size of result.sizes) lines.push("", ...sizeTable(size));
  const checks = result.sizes.flatMap(benchTargets);
  lines.push(
    "",
    "| Size | Target | Met | Measured |",
    "| --- | --- | --- | --- |",
    ...checks.map((c) =>
      `| ${c.size} | ${c.target} | ${
        c.met === null ? "not measured" : c.met ? "yes" : "**no**"
      } | ${c.detail} |`
    ),
  );
  return lines.join("\n");
}

function sizeTable(size: SizeResult): string[] {
  const basket = summariseRuns(size.basket);
  const reference: RunOutcome | null = size.reference
    ? summariseRuns(size.reference)
    : null;
  const cell = (
    outcome: RunOutcome | null,
    pick: (s: Extract<RunOutcome, { ok: true }>["summary"]) => number | null,
    format: (x: number) => string,
  ) => {
    if (!outcome) return "skipped";
    if (!outcome.ok) return "failed";
    const value = pick(outcome.summary);
    return value === null || Number.isNaN(value) ? "–" : format(value);
  };
  const rowOf = (
    label: string,
    pick: (s: Extract<RunOutcome, { ok: true }>["summary"]) => number | null,
    format: (x: number) => string,
  ) => {
    const ours = basket.ok ? pick(basket.summary) : null;
    const theirs = reference?.ok ? pick(reference.summary) : null;
    const r = ours !== null && theirs !== null && theirs > 0
      ? ours / theirs
      : NaN;
    return `| ${label} | ${cell(basket, pick, format)} | ${
      cell(reference, pick, format)
    } | ${times(r)} |`;
  };
  const stageNames = [
    ...new Set([
      ...(basket.ok ? basket.summary.stages.keys() : []),
      ...(reference?.ok ? reference.summary.stages.keys() : []),
    ]),
  ];
  const rows = [
    `### ${size.label}: ${count.format(size.lines)} sale lines, ${
      count.format(size.customers)
    } customers, ${
      mb(size.inputBytes)
    } of CSV, median of ${size.basket.length} run${
      size.basket.length === 1 ? "" : "s"
    } each (load average ${size.loadAverage[0].toFixed(2)} before, ${
      size.loadAverage[1].toFixed(2)
    } after)`,
    "",
    "| Measure | Basket | Reference | Basket ÷ reference |",
    "| --- | ---: | ---: | ---: |",
    rowOf("wall time", (s) => s.wallSeconds, seconds),
    rowOf("CPU time (user + system)", (s) => s.cpuSeconds, seconds),
    rowOf("peak memory (RSS)", (s) => s.maxRssBytes, mb),
    rowOf("page size", (s) => s.reportBytes, mb),
    ...stageNames.map((name) =>
      rowOf(`stage: ${name}`, (s) => s.stages.get(name) ?? null, seconds)
    ),
    rowOf(
      "outside the stages (start-up, exit)",
      (s) => s.outsideSeconds,
      seconds,
    ),
    `| floor: read the input once, counting lines | ${
      seconds(size.floorSeconds)
    } | | |`,
    ...rerunRows(size.rerun, reference),
  ];
  for (
    const [name, outcome] of [["Basket", basket], [
      "The reference",
      reference,
    ]] as const
  ) {
    if (outcome && !outcome.ok) {
      rows.push("", `${name} failed: ${outcome.reason}.`);
    }
  }
  return rows;
}

/**
 * The rerun's rows (the cache on, unchanged input): its wall time, peak
 * memory and stages, each against the reference's whole run.
 */
function rerunRows(
  runs: SizeResult["rerun"],
  reference: RunOutcome | null,
): string[] {
  if (!runs?.length) return [];
  const rerun = summariseRuns(runs);
  if (!rerun.ok) return [`| rerun | failed: ${rerun.reason} | | |`];
  const theirs = reference?.ok ? reference.summary : null;
  const row = (
    label: string,
    ours: number,
    whole: number | null,
    f: (x: number) => string,
  ) =>
    `| ${label} | ${f(ours)} | ${whole === null ? "–" : f(whole)} | ${
      times(whole ? ours / whole : NaN)
    } |`;
  return [
    row(
      "rerun: wall time",
      rerun.summary.wallSeconds,
      theirs?.wallSeconds ?? null,
      seconds,
    ),
    row(
      "rerun: peak memory (RSS)",
      rerun.summary.maxRssBytes,
      theirs?.maxRssBytes ?? null,
      mb,
    ),
    ...[...rerun.summary.stages].map(([name, value]) =>
      `| rerun stage: ${name} | ${seconds(value)} | | |`
    ),
  ];
}
