import { type ColumnMapping, parseMapFlags } from "../source/column_mapping.ts";
import type { DateOrder } from "../source/parse_date.ts";
import { encodingName } from "../source/csv_encoding.ts";
import { CSV_DELIMITERS, type CsvDelimiter } from "../source/stage_csv.ts";
import { NOTEBOOK_ENV } from "../notebook/notebook_parameters.ts";
import { CliError } from "../model/cli_error.ts";
import { oneOf, realDate, wholeNumber } from "./spine/validators.ts";

/** Where the data comes from, as the settings say. */
export interface DataFlags {
  /** A path or a `postgresql://` URL; undefined means the built-in simulator. */
  data?: string;
  /** The warehouse's table of sale lines, or a query giving them. */
  table?: string;
  query?: string;
  customersTable?: string;
  map?: ColumnMapping;
  dateFormat?: DateOrder;
  onBadRows: "fail" | "skip";
  /** The CSV files' encoding; undefined means detect it. */
  encoding?: string;
  /** False for a sales CSV without a header; undefined means it has one. */
  header?: false;
  /** The CSV files' delimiter; undefined means detect it. */
  delimiter?: CsvDelimiter;
  seed: number;
  /** The analysis date, `YYYY-MM-DD`. */
  asOf?: string;
}

const SECTION = "Data";

/**
 * The data options of report, inspect and notebooks, declared once: flag,
 * environment variable (the notebooks' `BASKET_*` parameters), config key
 * (top level of the config file), default and check.
 */
export const DATA_OPTIONS = [
  {
    name: "data",
    kind: "string",
    value: "PATH",
    section: SECTION,
    help:
      "a folder (three-file schema: Customer.csv, prod_cat_info.csv,\nTransactions.csv; or Basket's sales.csv + customers.csv), a\nsales CSV, or a warehouse postgresql://user@host:port/db\n(docs/warehouse.md)",
    defaultText: "the built-in simulated retail chain",
    env: [NOTEBOOK_ENV.data],
    config: "data",
  },
  {
    name: "table",
    kind: "string",
    value: "NAME",
    section: SECTION,
    help:
      "with a postgresql:// --data: the table (or schema.table) of sale\nlines; its columns are read as a CSV's headers, through --map",
    env: ["BASKET_TABLE"],
    config: "table",
  },
  {
    name: "query",
    kind: "string",
    value: "SQL",
    section: SECTION,
    help:
      "with a postgresql:// --data, instead of --table: a SELECT whose\nrows are the sale lines",
    env: ["BASKET_QUERY"],
    config: "query",
  },
  {
    name: "customers-table",
    kind: "string",
    value: "NAME",
    section: SECTION,
    help:
      "with a postgresql:// --data: a table of customers (customer_id,\nbirth_date, gender, city)",
    defaultText: "none: the clusters' profiles go without age and gender",
    env: ["BASKET_CUSTOMERS_TABLE"],
    config: "customersTable",
  },
  {
    name: "map",
    kind: "list",
    value: "FIELD=COLUMN",
    section: SECTION,
    help:
      'map a CSV column to a field\nfields: date, store, city, region, channel, department, category,\nsub_category, customer, transaction, quantity, amount, unit_price,\ngallons, fuel_type, fuel_price, product, product_name; config: an object\nof field: "Column"',
    env: [NOTEBOOK_ENV.map],
    config: "map",
    parseConfig: (value: unknown, from: string): string[] => {
      if (
        typeof value !== "object" || value === null || Array.isArray(value) ||
        Object.values(value).some((v) => typeof v !== "string")
      ) {
        throw new TypeError(
          `Cannot read ${from}: expected an object of field: "Column" pairs`,
        );
      }
      return Object.entries(value).map(([field, column]) =>
        `${field}=${column}`
      );
    },
  },
  {
    name: "date-format",
    kind: "string",
    value: "ORDER",
    section: SECTION,
    help:
      "dmy or mdy, for files whose nn/nn/yyyy or nn/nn/yy dates are\nambiguous (two-digit years: 00-29 are 20xx, 30-99 are 19xx)",
    env: [NOTEBOOK_ENV.dateFormat],
    config: "dateFormat",
    parse: dateOrder,
  },
  {
    name: "on-bad-rows",
    kind: "string",
    value: "MODE",
    section: SECTION,
    help:
      "fail stops at the first bad row; skip rejects bad rows and writes\neach with its reason to rejected_rows.csv",
    default: "fail",
    env: [NOTEBOOK_ENV.onBadRows],
    config: "onBadRows",
    parse: oneOf("fail", "skip"),
  },
  {
    name: "encoding",
    kind: "string",
    value: "NAME",
    section: SECTION,
    help:
      "the CSV files' encoding: utf-8, windows-1252 (latin1), utf-16le,\nutf-16be, iso-8859-15, ...",
    defaultText: "detected: a byte order mark, else UTF-8, else Windows-1252",
    env: [NOTEBOOK_ENV.encoding],
    config: "encoding",
    parse: encodingName,
  },
  {
    name: "no-header",
    kind: "boolean",
    section: SECTION,
    help:
      "the sales CSV has no header: its columns are 1, 2, ... for --map\n(--map customer=1 --map date=3)",
    env: ["BASKET_NO_HEADER"],
    config: "noHeader",
  },
  {
    name: "delimiter",
    kind: "string",
    value: "CHAR",
    section: SECTION,
    help:
      "what separates the CSV fields: , ; tab | or whitespace (runs of\nspaces and tabs, leading spaces ignored)",
    defaultText: "detected: whichever of , ; tab | the first line has most of",
    env: ["BASKET_DELIMITER"],
    config: "delimiter",
    parse: oneOf(...CSV_DELIMITERS),
  },
  {
    name: "seed",
    kind: "string",
    value: "N",
    section: SECTION,
    help: "seed for the simulator and clustering",
    default: 1,
    env: [NOTEBOOK_ENV.seed],
    config: "seed",
    parse: wholeNumber(),
  },
  {
    name: "as-of",
    kind: "string",
    value: "DATE",
    section: SECTION,
    help: "analysis date (YYYY-MM-DD)",
    defaultText: "the day after the last sale",
    env: [NOTEBOOK_ENV.asOf],
    config: "asOf",
    parse: realDate,
  },
] as const;

type DataOption = typeof DATA_OPTIONS[number];

/**
 * The data options of the notebooks: all but `--no-header`,
 * `--delimiter` and the warehouse's `--table`, `--query` and
 * `--customers-table`, which their parameters do not read (yet), so that
 * the notebooks refuse them rather than ignore them.
 */
export const NOTEBOOK_DATA_OPTIONS = DATA_OPTIONS.filter((
  option,
): option is Exclude<
  DataOption,
  { name: "no-header" | "delimiter" | "table" | "query" | "customers-table" }
> =>
  option.name !== "no-header" && option.name !== "delimiter" &&
  option.name !== "table" && option.name !== "query" &&
  option.name !== "customers-table"
);

/** `--k`: the number of customer clusters (report and notebooks). */
export const K_OPTION = {
  name: "k",
  kind: "string",
  value: "N",
  help: "number of customer clusters",
  defaultText: "chosen by silhouette, 2..8",
  env: [NOTEBOOK_ENV.k],
  parse: wholeNumber({ min: 1 }),
} as const;

/** `--config`: the config file; resolved first, by `readSettingsFile`. */
export const CONFIG_OPTION = {
  name: "config",
  kind: "string",
  value: "FILE",
  section: "Settings",
  help:
    "a JSON file of settings (keys: docs/cli.md); flags and\nenvironment variables win over it",
  defaultText: "basket.config.json when present",
  env: ["BASKET_CONFIG"],
  deferred: true,
} as const;

/** The data source the resolved data settings describe. */
export function dataSource(settings: {
  data: string | undefined;
  table?: string | undefined;
  query?: string | undefined;
  "customers-table"?: string | undefined;
  map: string[];
  "date-format": DateOrder | undefined;
  "on-bad-rows": "fail" | "skip";
  encoding: string | undefined;
  "no-header": boolean;
  delimiter: CsvDelimiter | undefined;
  seed: number;
  "as-of": string | undefined;
}): DataFlags {
  let map: ColumnMapping | undefined;
  try {
    map = settings.map.length ? parseMapFlags(settings.map) : undefined;
  } catch (error) {
    throw new CliError((error as Error).message);
  }
  return {
    ...(settings.data === undefined ? {} : { data: settings.data }),
    ...(settings.table === undefined ? {} : { table: settings.table }),
    ...(settings.query === undefined ? {} : { query: settings.query }),
    ...(settings["customers-table"] === undefined
      ? {}
      : { customersTable: settings["customers-table"] }),
    ...(map ? { map } : {}),
    ...(settings["date-format"] ? { dateFormat: settings["date-format"] } : {}),
    onBadRows: settings["on-bad-rows"],
    ...(settings.encoding ? { encoding: settings.encoding } : {}),
    ...(settings["no-header"] ? { header: false as const } : {}),
    ...(settings.delimiter ? { delimiter: settings.delimiter } : {}),
    seed: settings.seed,
    ...(settings["as-of"] ? { asOf: settings["as-of"] } : {}),
  };
}

function dateOrder(text: string, from: string): DateOrder {
  const key = text.toLowerCase().replace(/[^a-z]/g, "");
  if (key === "dmy" || key === "ddmmyyyy") return "dmy";
  if (key === "mdy" || key === "mmddyyyy") return "mdy";
  throw new RangeError(
    `Cannot read ${from} ${
      JSON.stringify(text)
    }: expected dmy (dd/mm/yyyy) or mdy (mm/dd/yyyy)`,
  );
}
