import { DuckDBInstance } from "@duckdb/node-api";
import {
  customerCsv,
  formatCsvRow,
  saleLineCsv,
  SIMULATED_SALES_COLUMNS,
} from "./format_csv.ts";
import { dayNumber } from "../model/calendar.ts";
import {
  CUSTOMER_COLUMNS,
  EXACT_NUMBER,
  type SaleLine,
} from "../model/schema.ts";
import type { RetailSimulation } from "./simulate_retail.ts";
import { sqlString } from "../model/sql_string.ts";
import { STORE_SALES_COLUMNS, storeSalesRows } from "./store_sales_rows.ts";
import { openTextFileWriter } from "./text_file_writer.ts";

/** The file format the simulation is written in. */
export type SimulationFormat = "csv" | "parquet";

/**
 * The files' layout: `basket` is Basket's data model (`sales` and
 * `customers`); `store-sales` is one file summed per store, day, category
 * and department, in the layout of the original dashboard data.
 */
export type SimulationLayout = "basket" | "store-sales";

/** How far writing has come. */
export interface SimulationProgress {
  /** `writing` the lines, then `converting` CSV to Parquet. */
  phase: "writing" | "converting";
  /** Days of the window written so far, and in all. */
  day: number;
  days: number;
  /** Sale lines simulated so far. */
  lines: number;
}

/** Options for {@linkcode writeSimulation}. */
export interface WriteSimulationOptions {
  /** The folder to write into; created if missing. */
  out: string;
  format?: SimulationFormat;
  layout?: SimulationLayout;
  onProgress?: (progress: SimulationProgress) => void;
  /** Milliseconds from some fixed point, to time the run; `performance.now` by default. */
  now?: () => number;
  /** When the run started, on the `now` clock (e.g. before simulating); by default, when writing starts. */
  startedAt?: number;
}

/** What was written. */
export interface WriteSimulationResult {
  files: string[];
  /** Sale lines simulated. */
  lines: number;
  /** Rows written to the sales file: the lines, or their store-sales sums. */
  rows: number;
  /** Customers written (none in the store-sales layout). */
  customers: number;
  seconds: number;
}

const STORE_SALES_TYPES: Record<(typeof STORE_SALES_COLUMNS)[number], string> =
  {
    store_id: "VARCHAR",
    sales_date: "DATE",
    product_category: "VARCHAR",
    department: "VARCHAR",
    sales_amount: "DOUBLE",
    gallons_sold: "DOUBLE",
    fuel_type: "VARCHAR",
    fuel_price: "DOUBLE",
  };

const PROGRESS_EVERY = 1 << 16;

interface Table {
  /** File name without extension, e.g. "sales". */
  name: string;
  columns: readonly string[];
  types: readonly string[];
  /** The CSV records, each with its newline. */
  records: Iterable<string>;
}

/**
 * Writes a simulation to files, streaming: lines are formatted and written
 * as they are drawn, so memory stays flat however many there are. Files are
 * written under a temporary name and renamed when complete. Parquet is made
 * from the CSV with DuckDB's `COPY`.
 */
export async function writeSimulation(
  simulation: RetailSimulation,
  options: WriteSimulationOptions,
): Promise<WriteSimulationResult> {
  const now = options.now ?? (() => performance.now());
  const started = options.startedAt ?? now();
  const format = options.format ?? "csv";
  const layout = options.layout ?? "basket";
  const out = options.out.replace(/\/+$/, "") || "/";
  await Deno.mkdir(out, { recursive: true });

  const firstDay = dayNumber(simulation.options.from);
  const days = simulation.options.days;
  let lines = 0, day = 0;
  const report = (phase: SimulationProgress["phase"]) =>
    options.onProgress?.({ phase, day, days, lines });
  function* counted(): Generator<SaleLine> {
    let date = "";
    for (const line of simulation.sales) {
      if (line.date !== date) {
        date = line.date;
        day = dayNumber(date) - firstDay;
        report("writing");
      }
      if (++lines % PROGRESS_EVERY === 0) report("writing");
      yield line;
    }
    day = days;
    report("writing");
  }

  const tables: Table[] = layout === "basket"
    ? [
      {
        name: "sales",
        columns: SIMULATED_SALES_COLUMNS.map((c) => c.name),
        // Numbers as a user's files hold them: doubles.
        types: SIMULATED_SALES_COLUMNS.map((c) =>
          c.type === EXACT_NUMBER ? "DOUBLE" : c.type
        ),
        records: map(counted(), saleLineCsv),
      },
      {
        name: "customers",
        columns: CUSTOMER_COLUMNS.map((c) => c.name),
        types: CUSTOMER_COLUMNS.map((c) => c.type),
        records: map(simulation.customers, customerCsv),
      },
    ]
    : [{
      name: "store_sales",
      columns: STORE_SALES_COLUMNS,
      types: STORE_SALES_COLUMNS.map((c) => STORE_SALES_TYPES[c]),
      records: map(
        storeSalesRows(counted()),
        (r) => formatCsvRow(STORE_SALES_COLUMNS.map((c) => r[c])),
      ),
    }];

  const files: string[] = [];
  const counts: number[] = [];
  for (const table of tables) {
    const final = `${out}/${table.name}.${format}`;
    const csv = format === "csv"
      ? `${final}.partial`
      : `${out}/.${table.name}.csv.partial`;
    try {
      counts.push(await writeCsv(csv, table));
      if (format === "parquet") {
        report("converting");
        await csvToParquet(csv, `${final}.partial`, table);
        await Deno.remove(csv);
      }
      await Deno.rename(`${final}.partial`, final);
    } catch (error) {
      for (const partial of [csv, `${final}.partial`]) {
        await Deno.remove(partial).catch(() => {});
      }
      throw error;
    }
    files.push(final);
  }
  return {
    files,
    lines,
    rows: counts[0],
    customers: layout === "basket" ? counts[1] : 0,
    seconds: (now() - started) / 1000,
  };
}

function* map<T>(
  rows: Iterable<T>,
  format: (row: T) => string,
): Generator<string> {
  for (const row of rows) yield format(row);
}

async function writeCsv(path: string, table: Table): Promise<number> {
  const writer = await openTextFileWriter(path);
  let rows = 0;
  try {
    writer.push(formatCsvRow(table.columns));
    for (const record of table.records) {
      writer.push(record);
      rows++;
      if (writer.full) await writer.flushIfFull();
    }
    await writer.close();
  } catch (error) {
    writer.abort();
    throw error;
  }
  return rows;
}

async function csvToParquet(
  csv: string,
  parquet: string,
  table: Table,
): Promise<void> {
  const instance = await DuckDBInstance.create(":memory:", {
    threads: "2",
    memory_limit: "1GB",
  });
  const connection = await instance.connect();
  try {
    const columns = table.columns.map((c, i) =>
      `${sqlString(c)}: ${sqlString(table.types[i])}`
    ).join(", ");
    await connection.run(
      `COPY (SELECT * FROM read_csv(${
        sqlString(csv)
      }, header = true, delim = ',', quote = '"', ` +
        `escape = '"', nullstr = '', columns = {${columns}})) TO ${
          sqlString(parquet)
        } (FORMAT parquet)`,
    );
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
