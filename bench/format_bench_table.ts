import type { BenchResult, SizeResult } from "./bench_result.ts";
import { benchTargets } from "./bench_targets.ts";
import {
  chooseReference,
  type ChosenReference,
  REFERENCE_LABEL,
} from "./reference_modes.ts";
import { type RunOutcome, summariseRuns } from "./summarise_runs.ts";

const count = new Intl.NumberFormat("en-US");
const seconds = (s: number) => `${s.toFixed(2)} s`;
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
const times = (x: number) => Number.isFinite(x) ? `${x.toFixed(2)}×` : "–";

/**
 * The benchmark's results as Markdown: per size, a table of wall time, CPU
 * time, peak memory, page size and each stage for Basket and the reference
 * in both its modes (default threads, one thread), with the ratio to the
 * faster mode (which the table names), the floor, and the targets met or
 * missed.
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

type Summary = Extract<RunOutcome, { ok: true }>["summary"];

/** A pipeline's cell: its value, or why there is none. */
function cell(
  outcome: RunOutcome | null,
  pick: (s: Summary) => number | null,
  format: (x: number) => string,
  missing = "skipped",
): string {
  if (!outcome) return missing;
  if (!outcome.ok) return "failed";
  const value = pick(outcome.summary);
  return value === null || Number.isNaN(value) ? "–" : format(value);
}

function sizeTable(size: SizeResult): string[] {
  const basket = summariseRuns(size.basket);
  const chosen = chooseReference(size);
  const reference = chosen.outcome;
  // A mode not run while the other was: saved before both were measured.
  const missing = size.reference === null ? "skipped" : "not measured";
  const rowOf = (
    label: string,
    pick: (s: Summary) => number | null,
    format: (x: number) => string,
  ) => {
    const ours = basket.ok ? pick(basket.summary) : null;
    const theirs = reference?.ok ? pick(reference.summary) : null;
    const r = ours !== null && theirs !== null && theirs > 0
      ? ours / theirs
      : NaN;
    return `| ${label} | ${cell(basket, pick, format)} | ${
      chosen.modes.map((m) => cell(m.outcome, pick, format, missing)).join(
        " | ",
      )
    } | ${times(r)} |`;
  };
  const stageNames = [
    ...new Set([
      ...(basket.ok ? basket.summary.stages.keys() : []),
      ...chosen.modes.flatMap((m) =>
        m.outcome?.ok ? [...m.outcome.summary.stages.keys()] : []
      ),
    ]),
  ];
  const empty = chosen.modes.map(() => "").join(" | ");
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
    ...referenceSentence(chosen),
    `| Measure | Basket | ${
      chosen.modes.map((m) => `Reference, ${REFERENCE_LABEL[m.mode]}`).join(
        " | ",
      )
    } | Basket ÷ reference${
      chosen.mode ? ` (${REFERENCE_LABEL[chosen.mode]})` : ""
    } |`,
    `| --- | ---: | ${chosen.modes.map(() => "---:").join(" | ")} | ---: |`,
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
    } | ${empty} | |`,
    ...rerunRows(size.rerun, chosen),
  ];
  if (!basket.ok) rows.push("", `Basket failed: ${basket.reason}.`);
  for (const { mode, outcome } of chosen.modes) {
    if (outcome && !outcome.ok) {
      rows.push(
        "",
        `The reference on ${REFERENCE_LABEL[mode]} failed: ${outcome.reason}.`,
      );
    }
  }
  return rows;
}

/**
 * Which mode of the reference every ratio of the table is taken against,
 * and why: the faster of those that ran.
 */
function referenceSentence(chosen: ChosenReference): string[] {
  const ran = chosen.modes.filter((m) => m.outcome !== null);
  if (!chosen.mode || ran.length < 2) return [];
  const wall = (outcome: RunOutcome | null) =>
    outcome?.ok ? seconds(outcome.summary.wallSeconds) : "failed";
  const other = ran.find((m) => m.mode !== chosen.mode)!;
  return [
    `The reference ran on its default threads and on one thread (OMP_NUM_THREADS, OPENBLAS_NUM_THREADS and MKL_NUM_THREADS at 1); every ratio is against the faster, ${
      REFERENCE_LABEL[chosen.mode]
    } (${wall(chosen.outcome)} against ${wall(other.outcome)} on ${
      REFERENCE_LABEL[other.mode]
    }).`,
    "",
  ];
}

/**
 * The rerun's rows (the cache on, unchanged input): its wall time, peak
 * memory and stages, each against the chosen reference's whole run.
 */
function rerunRows(
  runs: SizeResult["rerun"],
  chosen: ChosenReference,
): string[] {
  if (!runs?.length) return [];
  const empty = chosen.modes.map(() => "").join(" | ");
  const rerun = summariseRuns(runs);
  if (!rerun.ok) return [`| rerun | failed: ${rerun.reason} | ${empty} | |`];
  const theirs = chosen.outcome?.ok ? chosen.outcome.summary : null;
  const row = (
    label: string,
    ours: number,
    whole: number | null,
    f: (x: number) => string,
  ) =>
    `| ${label} | ${f(ours)} | ${
      chosen.modes.map((m) =>
        m.mode !== chosen.mode ? "" : whole === null ? "–" : f(whole)
      ).join(" | ")
    } | ${times(whole ? ours / whole : NaN)} |`;
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
      `| rerun stage: ${name} | ${seconds(value)} | ${empty} | |`
    ),
  ];
}
