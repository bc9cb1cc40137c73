/**
 * `deno task simulate`: writes the built-in simulated retail chain to files
 * (see docs/simulator.md and `--help`).
 *
 * @module
 */
import { simulateRetail } from "../simulator/simulate_retail.ts";
import type { SimulateOptions } from "../simulator/simulate_retail.ts";
import { createProgressReporter } from "../simulator/progress_reporter.ts";
import { writeSimulation } from "../simulator/write_simulation.ts";
import { CliError } from "../model/cli_error.ts";
import { runMain } from "./run_main.ts";
import type { CommandSpec } from "./spine/option_spec.ts";
import { readCommandLine } from "./spine/read_command_line.ts";
import { resolveSettings } from "./spine/resolve_settings.ts";
import type { RawFlags } from "./spine/parse_command.ts";
import { nonEmpty, oneOf, realDate, wholeNumber } from "./spine/validators.ts";

/** Where `deno task simulate` writes by default. */
export const DEFAULT_SIMULATION_DIR = "data/simulated";

const count = (name: string, help: string, min: number, defaultText?: string) =>
  ({
    name,
    kind: "string",
    value: "N",
    help,
    ...(defaultText ? { defaultText } : {}),
    parse: wholeNumber({ min }),
  }) as const;

const OPTIONS = [
  {
    name: "out",
    kind: "string",
    value: "DIR",
    help: "folder to write into",
    default: DEFAULT_SIMULATION_DIR,
    parse: nonEmpty,
  },
  count("days", "days simulated, ending on --as-of", 1, "90"),
  count("stores", "number of stores", 1, "20"),
  count("customers", "number of customers", 0, "5000, about 50,000 lines"),
  count(
    "lines",
    "about N sale lines: scales the customers (not with --customers)",
    0,
  ),
  {
    name: "seed",
    kind: "string",
    value: "N",
    help: "random seed",
    defaultText: "1",
    parse: wholeNumber({ min: -Infinity }),
  },
  {
    name: "as-of",
    kind: "string",
    value: "DATE",
    help: "last simulated day, YYYY-MM-DD",
    defaultText: "2025-09-30",
    parse: realDate,
  },
  {
    name: "format",
    kind: "string",
    value: "FORMAT",
    help: "csv or parquet",
    default: "csv",
    parse: oneOf("csv", "parquet"),
  },
  {
    name: "layout",
    kind: "string",
    value: "LAYOUT",
    help:
      "basket: sales + customers files, Basket's data model;\nstore-sales: one store_sales file summed per store, day,\ncategory and department, the dashboard's original layout",
    default: "basket",
    parse: oneOf("basket", "store-sales"),
  },
] as const;

/** `deno task simulate`, declared once. */
export const SIMULATE_SPEC: CommandSpec = {
  name: "simulate",
  usage: ["[options]"],
  description:
    `Writes Basket's built-in simulated retail chain to files: stores in ten US
cities, customers with distinct shopping behaviours, baskets, returns and fuel.
The same options and seed always give the same files.`,
  options: OPTIONS,
};

/** What `deno task simulate` was asked to do. */
export function simulateCommand(flags: RawFlags) {
  const settings = resolveSettings(OPTIONS, flags);
  const simulate: SimulateOptions = {};
  for (
    const name of ["days", "stores", "customers", "lines", "seed"] as const
  ) {
    if (settings[name] !== undefined) simulate[name] = settings[name];
  }
  if (settings["as-of"] !== undefined) simulate.asOf = settings["as-of"];
  if (simulate.customers !== undefined && simulate.lines !== undefined) {
    throw new CliError(
      `Options "--customers" and "--lines" cannot be used together: --lines sets the customers`,
    );
  }
  return {
    out: settings.out,
    format: settings.format,
    layout: settings.layout,
    simulate,
  };
}

const number = new Intl.NumberFormat("en-US");

/** Runs `deno task simulate` with `args`; returns the exit code. */
export async function simulateMain(args: string[]): Promise<number> {
  const parsed = readCommandLine(SIMULATE_SPEC, args);
  if (!parsed) return 0;
  const command = simulateCommand(parsed.flags);
  const encoder = new TextEncoder();
  const now = () => performance.now();
  const startedAt = now();
  const progress = createProgressReporter({
    write: (text) => Deno.stderr.writeSync(encoder.encode(text)),
    terminal: Deno.stderr.isTerminal(),
    now,
  });
  const simulation = simulateRetail(command.simulate);
  const result = await writeSimulation(simulation, {
    out: command.out,
    format: command.format,
    layout: command.layout,
    now,
    startedAt,
    onProgress: (p) => {
      if (p.phase === "writing") {
        progress.update(
          "Simulating",
          p.day / p.days,
          `day ${p.day}/${p.days}, ${number.format(p.lines)} lines`,
        );
      } else progress.note("Converting to Parquet");
    },
  }).finally(() => progress.done());
  const { options } = simulation;
  const rows = command.layout === "store-sales"
    ? `${number.format(result.rows)} store-sales rows from ${
      number.format(result.lines)
    } lines`
    : `${number.format(result.lines)} lines`;
  console.log(
    `Wrote ${result.files.join(", ")}: ${rows}, ${
      number.format(simulation.customers.length)
    } customers, ` +
      `${options.stores} stores, ${options.from} to ${options.asOf}, seed ${options.seed}, ` +
      `in ${result.seconds.toFixed(1)} s`,
  );
  return 0;
}

if (import.meta.main) await runMain(simulateMain);
