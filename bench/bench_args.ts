import { parseArgs } from "node:util";
import { CliError } from "../src/cli/cli_error.ts";

/** One data size to measure: about `lines` sale lines, or the simulator's default. */
export interface BenchSize {
  /** As given: `50k`, `1m`, `10m`. */
  label: string;
  /** Sale lines asked of the simulator (`--lines`), or null for its default (about 55,000). */
  lines: number | null;
}

/** The parsed command line of `deno task bench`. */
export interface BenchArgs {
  help: boolean;
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
}

/** Help for `deno task bench`. */
export const BENCH_HELP = `Usage: deno task bench [options]

Times the whole report (deno task report, publishing to a local S3-protocol
server) against the reference pipeline in Python (pandas, matplotlib/seaborn,
scikit-learn: bench/reference/report_pandas.py) on simulated data, and prints
wall time, CPU time, peak memory and each stage side by side. Writes
bench/results/<date>.json.

Options:
  --sizes LIST       data sizes in sale lines (default 50k,1m,10m); 50k is the
                     simulator's default data
  --repeat N         runs of each pipeline per size, alternating (default 1)
  --skip-reference   time Basket only
  --keep-data DIR    keep the simulated data in DIR (reused when already there)
  --results DIR      where to write <date>.json (default bench/results)
  --show FILE        print the table of a saved results file, measuring nothing
  --help             show this help`;

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
  let values;
  try {
    values = parseArgs({
      args,
      options: {
        sizes: { type: "string" },
        repeat: { type: "string" },
        "skip-reference": { type: "boolean" },
        "keep-data": { type: "string" },
        results: { type: "string" },
        show: { type: "string" },
        help: { type: "boolean" },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    throw new CliError(`${(error as Error).message}; see --help`);
  }
  const sizes = (values.sizes ?? "50k,1m,10m").split(",").filter((s) =>
    s.trim()
  ).map(parseBenchSize);
  if (sizes.length === 0) {
    throw new CliError(`Cannot read --sizes "": expected sizes like 50k,1m`);
  }
  const repeat = Number(values.repeat ?? "1");
  if (!Number.isInteger(repeat) || repeat < 1) {
    throw new CliError(
      `Cannot read --repeat ${
        JSON.stringify(values.repeat)
      }: expected a whole number of 1 or more`,
    );
  }
  return {
    help: values.help ?? false,
    sizes,
    repeat,
    skipReference: values["skip-reference"] ?? false,
    keepData: values["keep-data"] ?? null,
    results: values.results ?? "bench/results",
    show: values.show ?? null,
  };
}
