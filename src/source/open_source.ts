import { createDataset } from "./dataset.ts";
import type { DateOrder } from "./parse_date.ts";
import type { ColumnMapping } from "./column_mapping.ts";
import {
  type SimulateOptions,
  simulateRetail,
} from "../simulator/simulate_retail.ts";
import { countDuplicates } from "./count_duplicates.ts";
import type { LoadedSource } from "./load_report.ts";
import { loadSource } from "./load_source.ts";
import type { CsvDelimiter } from "./stage_csv.ts";
import { SALES_COLUMNS } from "../model/schema.ts";
import { isWarehouseUrl } from "./warehouse/pg_url.ts";
import { InputError } from "../model/input_error.ts";

/** Options for {@linkcode openSource}. */
export interface OpenSourceOptions {
  /** A path to load, or a `postgresql://` URL; when missing, the built-in simulator runs. */
  data?: string;
  /** The warehouse table of sale lines (`data` a URL; see docs/warehouse.md). */
  table?: string;
  /** Or a SELECT whose rows are the sale lines. */
  query?: string;
  /** The warehouse table of customers. */
  customersTable?: string;
  map?: ColumnMapping;
  dateFormat?: DateOrder;
  onBadRows?: "fail" | "skip";
  /** The CSV files' encoding; by default detected. */
  encoding?: string;
  /** False for a sales CSV without a header (see loadSource). */
  header?: boolean;
  /** The CSV files' delimiter; by default detected. */
  delimiter?: CsvDelimiter;
  /** Simulator options (its seed defaults to `seed`). */
  simulate?: SimulateOptions;
  seed?: number;
}

/**
 * Opens the data a command works on: the file or folder at `data`, or the
 * built-in simulated retail chain when there is none.
 */
export async function openSource(
  options: OpenSourceOptions,
): Promise<LoadedSource> {
  const warehouse = options.data !== undefined && isWarehouseUrl(options.data);
  const named = options.table ?? options.query ?? options.customersTable;
  if (!warehouse && named !== undefined) {
    throw new InputError({
      what: "data",
      file: options.data ?? "(the simulator)",
      problem:
        "--table, --query and --customers-table read a warehouse: --data must be a postgresql:// URL",
    });
  }
  if (warehouse) {
    // The warehouse client (pg) loads only when the data is a warehouse.
    const { openWarehouse } = await import("./warehouse/open_warehouse.ts");
    return await openWarehouse({
      url: options.data!,
      ...(options.table !== undefined ? { table: options.table } : {}),
      ...(options.query !== undefined ? { query: options.query } : {}),
      ...(options.customersTable !== undefined
        ? { customersTable: options.customersTable }
        : {}),
      ...(options.map ? { map: options.map } : {}),
    });
  }
  if (options.data !== undefined) {
    return await loadSource({
      path: options.data,
      ...(options.map ? { map: options.map } : {}),
      ...(options.dateFormat ? { dateFormat: options.dateFormat } : {}),
      onBadRows: options.onBadRows ?? "fail",
      ...(options.encoding ? { encoding: options.encoding } : {}),
      ...(options.header === false ? { header: false } : {}),
      ...(options.delimiter ? { delimiter: options.delimiter } : {}),
    });
  }
  const simulation = simulateRetail({
    seed: options.seed ?? 1,
    ...options.simulate,
  });
  const { days, stores, customers, seed, from, asOf } = simulation.options;
  const dataset = await createDataset({
    sales: simulation.sales,
    customers: simulation.customers,
    source:
      `simulated retail chain (seed ${seed}, ${stores} stores, ${customers} customers, ${days} days from ${from} to ${asOf})`,
  });
  const [lines] = (await dataset.connection.runAndReadAll(
    "SELECT count(*)::INTEGER FROM sales",
  )).getRows()[0];
  return {
    dataset,
    report: {
      kind: "simulated",
      path: null,
      files: [],
      encodings: [],
      rowsRead: Number(lines),
      rowsRejected: 0,
      rejectReasons: [],
      duplicateLines: await countDuplicates(
        dataset.connection,
        "sales",
        SALES_COLUMNS.map((c) => c.name),
      ),
      lookups: [],
      columns: [],
      dateOrders: {},
    },
  };
}
