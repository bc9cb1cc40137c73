import { isIsoDate } from "../model/calendar.ts";
import type { SimulateOptions } from "../simulator/simulate_retail.ts";
import type {
  SimulationFormat,
  SimulationLayout,
} from "../simulator/write_simulation.ts";
import { CliError } from "./cli_error.ts";

/** What `deno task simulate` was asked to do. */
export interface SimulateCommand {
  help: boolean;
  out: string;
  format: SimulationFormat;
  layout: SimulationLayout;
  simulate: SimulateOptions;
}

/** Where `deno task simulate` writes by default. */
export const DEFAULT_SIMULATION_DIR = "data/simulated";

/** The help text of `deno task simulate`. */
export const SIMULATE_HELP = `Usage: deno task simulate [options]

Writes Basket's built-in simulated retail chain to files: stores in ten US
cities, customers with distinct shopping behaviours, baskets, returns and fuel.
The same options and seed always give the same files.

Options:
  --out DIR          folder to write into (default ${DEFAULT_SIMULATION_DIR})
  --days N           days simulated, ending on --as-of (default 90)
  --stores N         number of stores (default 20)
  --customers N      number of customers (default 5000, about 50,000 lines)
  --lines N          about N sale lines: scales the customers (not with --customers)
  --seed N           random seed (default 1)
  --as-of DATE       last simulated day, YYYY-MM-DD (default 2025-09-30)
  --format FORMAT    csv (default) or parquet
  --layout LAYOUT    basket (default): sales + customers files, Basket's data model;
                     store-sales: one store_sales file summed per store, day,
                     category and department, the dashboard's original layout
  --debug            print the stack of an error
  -h, --help         show this help
`;

const VALUE_OPTIONS = [
  "out",
  "days",
  "stores",
  "customers",
  "lines",
  "seed",
  "as-of",
  "format",
  "layout",
] as const;
type ValueOption = (typeof VALUE_OPTIONS)[number];

/**
 * Reads the arguments of `deno task simulate`: `--name value` or
 * `--name=value`. Unknown options, missing values and bad values are
 * CliErrors that name the option and quote the value.
 *
 * @example
 * ```ts
 * import { parseSimulateArgs } from "./simulate_args.ts";
 * const command = parseSimulateArgs(["--days", "30", "--format=parquet"]);
 * if (command.simulate.days !== 30 || command.format !== "parquet") throw new Error();
 * ```
 */
export function parseSimulateArgs(args: readonly string[]): SimulateCommand {
  const values = new Map<ValueOption, string>();
  let help = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === "-h" || arg === "--help") {
      help = true;
      continue;
    }
    if (!arg.startsWith("--")) {
      throw new CliError(
        `Unexpected argument ${
          JSON.stringify(arg)
        }: options start with "--"; see --help`,
      );
    }
    const eq = arg.indexOf("=");
    const name = arg.slice(2, eq < 0 ? undefined : eq);
    if (!(VALUE_OPTIONS as readonly string[]).includes(name)) {
      throw new CliError(
        `Unknown option ${
          JSON.stringify(`--${name}`)
        }: see --help for the options`,
      );
    }
    let value: string | undefined;
    if (eq >= 0) value = arg.slice(eq + 1);
    else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
      value = args[++i];
    }
    if (value === undefined) {
      throw new CliError(`Option "--${name}" needs a value: see --help`);
    }
    if (values.has(name as ValueOption)) {
      throw new CliError(`Option "--${name}" is given twice`);
    }
    values.set(name as ValueOption, value);
  }

  const simulate: SimulateOptions = {};
  for (const name of ["days", "stores", "customers", "lines"] as const) {
    const value = values.get(name);
    if (value !== undefined) {
      simulate[name] = whole(
        name,
        value,
        name === "customers" || name === "lines" ? 0 : 1,
      );
    }
  }
  const seed = values.get("seed");
  if (seed !== undefined) {
    simulate.seed = whole("seed", seed, Number.MIN_SAFE_INTEGER);
  }
  const asOf = values.get("as-of");
  if (asOf !== undefined) {
    if (!isIsoDate(asOf)) {
      throw new CliError(
        `Bad value for "--as-of": ${
          JSON.stringify(asOf)
        } is not a date YYYY-MM-DD`,
      );
    }
    simulate.asOf = asOf;
  }
  if (simulate.customers !== undefined && simulate.lines !== undefined) {
    throw new CliError(
      `Options "--customers" and "--lines" cannot be used together: --lines sets the customers`,
    );
  }
  const out = values.get("out") ?? DEFAULT_SIMULATION_DIR;
  if (out === "") {
    throw new CliError(`Bad value for "--out": the folder name is empty`);
  }
  return {
    help,
    out,
    format: oneOf("format", values.get("format") ?? "csv", ["csv", "parquet"]),
    layout: oneOf("layout", values.get("layout") ?? "basket", [
      "basket",
      "store-sales",
    ]),
    simulate,
  };
}

function whole(name: string, text: string, min: number): number {
  const cleaned = text.replaceAll("_", "");
  const value = /^-?\d+$/.test(cleaned) ? Number(cleaned) : NaN;
  if (!Number.isSafeInteger(value) || value < min) {
    const least = min > Number.MIN_SAFE_INTEGER ? ` of at least ${min}` : "";
    throw new CliError(
      `Bad value for "--${name}": ${
        JSON.stringify(text)
      } is not a whole number${least}`,
    );
  }
  return value;
}

function oneOf<T extends string>(
  name: string,
  value: string,
  allowed: readonly T[],
): T {
  if (!(allowed as readonly string[]).includes(value)) {
    throw new CliError(
      `Bad value for "--${name}": ${JSON.stringify(value)} is not one of ${
        allowed.map((a) => JSON.stringify(a)).join(", ")
      }`,
    );
  }
  return value as T;
}
