import { type ColumnMapping, parseMapFlags } from "../source/column_mapping.ts";
import type { DateOrder } from "../source/parse_date.ts";
import { readBasketConfig } from "./config_file.ts";
import { CliError } from "./cli_error.ts";

/** Where the data comes from, as the flags and a config file say. */
export interface DataFlags {
  /** A path; undefined means the built-in simulator. */
  data?: string;
  map?: ColumnMapping;
  dateFormat?: DateOrder;
  onBadRows: "fail" | "skip";
  seed: number;
  /** The analysis date, `YYYY-MM-DD`. */
  asOf?: string;
}

/** The `data` section of a config file (JSON). */
export interface DataConfig {
  data?: string;
  map?: Record<string, string>;
  dateFormat?: string;
  onBadRows?: string;
  seed?: number;
  asOf?: string;
}

/** Help text for the flags {@linkcode readDataFlags} reads. */
export const DATA_FLAGS_HELP = `Data:
  --data PATH            a folder (three-file schema: Customer.csv, prod_cat_info.csv,
                         Transactions.csv; or Basket's sales.csv + customers.csv) or a
                         sales CSV; default: the built-in simulated retail chain
  --map FIELD=COLUMN     map a CSV column to a field (repeat); fields: date, store, city,
                         region, channel, department, category, sub_category, customer,
                         transaction, quantity, amount, unit_price, gallons, fuel_type,
                         fuel_price
  --date-format ORDER    dmy or mdy, for files whose nn/nn/yyyy dates are ambiguous
  --on-bad-rows MODE     fail (default) stops at the first bad row; skip rejects bad rows
                         and writes each with its reason to rejected_rows.csv
  --seed N               seed for the simulator and clustering (default 1)
  --as-of DATE           analysis date (YYYY-MM-DD); default: the day after the last sale
  --config FILE          a JSON file with any of these settings (flags win; default:
                         BASKET_CONFIG, else basket.config.json when present)`;

/**
 * Reads the data flags from parsed arguments, falling back to a config
 * file's values. Bad values are a CliError that says which flag.
 */
export function readDataFlags(
  flags: {
    data?: string;
    map?: string[];
    "date-format"?: string;
    "on-bad-rows"?: string;
    seed?: string;
    "as-of"?: string;
  },
  file: Readonly<Record<string, unknown>> = {},
): DataFlags {
  const config = dataConfig(file);
  const mapFlags = flags.map?.length
    ? flags.map
    : Object.entries(config.map ?? {}).map(([field, column]) =>
      `${field}=${column}`
    );
  let map: ColumnMapping | undefined;
  try {
    map = mapFlags.length ? parseMapFlags(mapFlags) : undefined;
  } catch (error) {
    throw new CliError((error as Error).message);
  }
  const dateFormat = flags["date-format"] ?? config.dateFormat;
  const normalisedDateFormat = dateFormat === undefined
    ? undefined
    : dateOrder(dateFormat);
  const onBadRows = flags["on-bad-rows"] ?? config.onBadRows ?? "fail";
  if (onBadRows !== "fail" && onBadRows !== "skip") {
    throw new CliError(
      `Cannot read --on-bad-rows ${
        JSON.stringify(onBadRows)
      }: expected fail or skip`,
    );
  }
  const seedText = flags.seed ??
    (config.seed === undefined ? "1" : String(config.seed));
  const seed = Number(seedText);
  if (!Number.isInteger(seed) || seed < 0) {
    throw new CliError(
      `Cannot read --seed ${
        JSON.stringify(seedText)
      }: expected a whole number of 0 or more`,
    );
  }
  const asOf = flags["as-of"] ?? config.asOf;
  if (
    asOf !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(asOf) ||
    asOf !== undefined && Number.isNaN(Date.parse(asOf))
  ) {
    throw new CliError(
      `Cannot read --as-of ${
        JSON.stringify(asOf)
      }: expected a date as YYYY-MM-DD`,
    );
  }
  const data = flags.data ?? config.data;
  return {
    ...(data === undefined ? {} : { data }),
    ...(map ? { map } : {}),
    ...(normalisedDateFormat ? { dateFormat: normalisedDateFormat } : {}),
    onBadRows,
    seed,
    ...(asOf ? { asOf } : {}),
  };
}

function dateOrder(text: string): DateOrder {
  const key = text.toLowerCase().replace(/[^a-z]/g, "");
  if (key === "dmy" || key === "ddmmyyyy") return "dmy";
  if (key === "mdy" || key === "mmddyyyy") return "mdy";
  throw new CliError(
    `Cannot read --date-format ${
      JSON.stringify(text)
    }: expected dmy (dd/mm/yyyy) or mdy (mm/dd/yyyy)`,
  );
}

/** Checks the data settings of a config file's top level. */
function dataConfig(file: Readonly<Record<string, unknown>>): DataConfig {
  const config: DataConfig = {};
  const text = (key: "data" | "dateFormat" | "onBadRows" | "asOf") => {
    const value = file[key];
    if (value === undefined) return;
    if (typeof value !== "string") {
      throw new CliError(
        `Cannot read the config file: "${key}" must be a string`,
      );
    }
    config[key] = value;
  };
  text("data");
  text("dateFormat");
  text("onBadRows");
  text("asOf");
  if (file.seed !== undefined) {
    if (typeof file.seed !== "number") {
      throw new CliError(
        `Cannot read the config file: "seed" must be a number`,
      );
    }
    config.seed = file.seed;
  }
  if (file.map !== undefined) {
    const map = file.map;
    if (
      typeof map !== "object" || map === null || Array.isArray(map) ||
      Object.values(map).some((v) => typeof v !== "string")
    ) {
      throw new CliError(
        `Cannot read the config file: "map" must be an object of field: "Column" pairs`,
      );
    }
    config.map = map as Record<string, string>;
  }
  return config;
}

/**
 * Reads the data flags, falling back to the config file (`--config`, else
 * `BASKET_CONFIG`, else `basket.config.json` when present).
 */
export async function readDataSettings(
  flags: Parameters<typeof readDataFlags>[0] & { config?: string },
): Promise<DataFlags> {
  let file;
  try {
    file = (await readBasketConfig(flags.config, Deno.env.toObject())).file;
  } catch (error) {
    throw new CliError((error as Error).message);
  }
  return readDataFlags(flags, file);
}
