import { CliError } from "../src/model/cli_error.ts";
import type { CommandSpec } from "../src/cli/spine/option_spec.ts";
import { parseCommand } from "../src/cli/spine/parse_command.ts";
import { resolveSettings } from "../src/cli/spine/resolve_settings.ts";
import { wholeNumber } from "../src/cli/spine/validators.ts";

/** One data size to measure: about `lines` sale lines, or the simulator's default. */
export interface BenchSize {
  /** As given: `50k`, `1m`, `10m`. */
  label: string;
  /** Sale lines asked of the simulator (`--lines`), or null for its default (about 55,000). */
  lines: number | null;
  /**
   * With `--days`: the size read as customers instead, simulated over that
   * many days (`--customers N --days D`): many customers, few lines each.
   */
  customers?: { count: number; days: number };
}

/** The parsed command line of `deno task bench`. */
export interface BenchArgs {
  help: boolean;
  version: boolean;
  sizes: BenchSize[];
  /** Runs of each pipeline per size; the table shows medians. */
  repeat: number;
  skipReference: boolean;
  /** Keep the simulated data in this folder (and reuse it when it is there). */
  keepData: string | null;
  /** Where `<date>.json` goes. */
  results: string;
  /** Print the table of this results file instead of measuring. */
  show: string | null;
  /** Measure the report on a local PostgreSQL warehouse instead (bench/warehouse_bench.ts). */
  warehouse: boolean;
  /** With `warehouse`: a second run into the same folder, which says who moved since the first. */
  whoMoved: boolean;
  /** Time the customer-value fit instead (see value_bench.ts). */
  clv: boolean;
  /** Run the value stage on synthetic customers instead. */
  clvStage: boolean;
  /** Synthetic customers of the customer-value bench. */
  clvCustomers: number;
  /** Measure publishing a run with a `segments.json` of this many MiB instead (publish_bench.ts). */
  publishMb: number | null;
}

const OPTIONS = [
  {
    name: "sizes",
    kind: "string",
    value: "LIST",
    help: "data sizes in sale lines; 50k is the simulator's default data",
    default: "50k,1m,10m",
  },
  {
    name: "repeat",
    kind: "string",
    value: "N",
    help: "runs of each pipeline per size, alternating",
    default: 1,
    parse: wholeNumber({ min: 1 }),
  },
  { name: "skip-reference", kind: "boolean", help: "time Basket only" },
  {
    name: "keep-data",
    kind: "string",
    value: "DIR",
    help: "keep the simulated data in DIR (reused when already there)",
  },
  {
    name: "results",
    kind: "string",
    value: "DIR",
    help: "where to write <date>.json",
    default: "bench/results",
  },
  {
    name: "warehouse",
    kind: "boolean",
    help:
      "load the lines into a local PostgreSQL server and time the report\nrun there (--data postgresql://...); sizes default to 10m",
  },
  {
    name: "who-moved",
    kind: "boolean",
    help:
      "with --warehouse, run the report a second time into the same\nfolder: it compares its customers with the first run's (Who moved)",
  },
  {
    name: "days",
    kind: "string",
    value: "D",
    help:
      "simulate D days and read each size as customers rather than lines\n(simulate --customers N --days D): a table of many customers with\nfew lines each",
    parse: wholeNumber({ min: 1 }),
  },
  {
    name: "show",
    kind: "string",
    value: "FILE",
    help: "print the table of a saved results file, measuring nothing",
  },
  {
    name: "clv",
    kind: "boolean",
    help:
      "time the customer-value fit (BG/NBD, Gamma-Gamma) and predictions\non synthetic customers instead of the report",
  },
  {
    name: "clv-stage",
    kind: "boolean",
    help:
      "run the report's value stage on synthetic customers' lines in DuckDB\n(its time and the memory it holds) instead of the report",
  },
  {
    name: "clv-customers",
    kind: "string",
    value: "N",
    help: "customers of --clv and --clv-stage",
    default: 1_000_000,
    parse: wholeNumber({ min: 100 }),
  },
  {
    name: "publish-mb",
    kind: "string",
    value: "N",
    help:
      "publish runs with a segments.json of 1 and N MiB to a local S3-protocol\nserver (deno task publish) and print their peak memory instead of the report",
    parse: wholeNumber({ min: 1 }),
  },
] as const;

/** `deno task bench`, declared once. */
export const BENCH_SPEC: CommandSpec = {
  name: "bench",
  usage: ["[options]"],
  description:
    `Times the whole report (deno task report, publishing to a local S3-protocol
server) against the reference pipeline in Python (pandas, matplotlib/seaborn,
scikit-learn: bench/reference/report_pandas.py) on simulated data, and prints
wall time, CPU time, peak memory and each stage side by side. The reference
runs on its default threads and on one thread (OMP_NUM_THREADS=1); every
ratio is against the faster. Writes bench/results/<date>.json.`,
  options: OPTIONS,
};

/**
 * Reads a size: a whole number of sale lines with an optional `k` or `m`
 * (`50k`, `1m`, `2.5m`). `50k` stands for the simulator's default data.
 *
 * @example
 * ```ts
 * import { parseBenchSize } from "./bench_args.ts";
 * if (parseBenchSize("1m").lines !== 1_000_000) throw new Error("1m");
 * if (parseBenchSize("50k").lines !== null) throw new Error("50k");
 * ```
 */
export function parseBenchSize(text: string): BenchSize {
  const match = /^(\d+(?:\.\d+)?)([km]?)$/i.exec(text.trim());
  const lines = match
    ? Math.round(
      Number(match[1]) *
        { "": 1, k: 1e3, m: 1e6 }[match[2].toLowerCase() as "" | "k" | "m"],
    )
    : NaN;
  if (!match || !(lines >= 1000)) {
    throw new CliError(
      `Cannot read the size ${
        JSON.stringify(text)
      }: expected a number of sale lines of 1000 or more, like 50k, 1m or 10m`,
    );
  }
  const label = text.trim().toLowerCase();
  return { label, lines: label === "50k" ? null : lines };
}

/** Reads the arguments of `deno task bench`. */
export function parseBenchArgs(args: string[]): BenchArgs {
  const parsed = parseCommand(BENCH_SPEC, args);
  const values = resolveSettings(OPTIONS, parsed.flags);
  const sizes = values.warehouse &&
      !args.some((a) => a === "--sizes" || a.startsWith("--sizes="))
    ? [parseBenchSize("10m")]
    : values.sizes.split(",").filter((s) => s.trim()).map(parseBenchSize);
  if (sizes.length === 0) {
    throw new CliError(`Cannot read --sizes "": expected sizes like 50k,1m`);
  }
  const days = values.days;
  if (days !== undefined) {
    for (const size of sizes) {
      // `50k` stands for the default lines; as customers it is 50,000.
      size.customers = { count: size.lines ?? 50_000, days };
      size.label = `${size.label}-customers-${days}d`;
      size.lines = null;
    }
  }
  return {
    help: parsed.help,
    version: parsed.version,
    sizes,
    repeat: values.repeat,
    skipReference: values["skip-reference"],
    keepData: values["keep-data"] ?? null,
    results: values.results,
    show: values.show ?? null,
    warehouse: values.warehouse,
    whoMoved: values["who-moved"],
    clv: values.clv,
    clvStage: values["clv-stage"],
    clvCustomers: values["clv-customers"],
    publishMb: values["publish-mb"] ?? null,
  };
}
