import {
  type DuckDBAppender,
  type DuckDBConnection,
  DuckDBDateValue,
  DuckDBDecimalValue,
  DuckDBInstance,
  DuckDBTypeId,
  type DuckDBValueConverter,
  JSDuckDBValueConverter,
} from "@duckdb/node-api";
import { dateOfDay, dayNumber } from "../model/calendar.ts";
import {
  type ColumnSpec,
  type Customer,
  CUSTOMER_COLUMNS,
  EXACT_NUMBER,
  type SaleLine,
  SALES_COLUMNS,
} from "../model/schema.ts";
import { type SqlEngine, STREAM_BATCH } from "./sql_engine.ts";

/**
 * Sales data loaded into an embedded, in-memory DuckDB database: a `sales`
 * table and, when `hasCustomers`, a `customers` table (see docs/data.md).
 * Every analysis takes a Dataset and reads only these two tables.
 */
export interface Dataset {
  readonly connection: DuckDBConnection;
  /** Whether a `customers` table with at least one row exists. */
  readonly hasCustomers: boolean;
  /** A short description of where the data came from. */
  readonly source: string;
  /**
   * The warehouse that holds the `sales` and `customers` tables, when they
   * are not in `connection` (see docs/warehouse.md): every query then runs
   * there, and `connection` must not be used.
   */
  readonly engine?: SqlEngine;
}

/** Options for {@linkcode createDataset}. */
export interface CreateDatasetOptions {
  sales: Iterable<SaleLine>;
  customers?: Iterable<Customer>;
  source?: string;
}

/** SQL statements that create the data model's tables. */
export function schemaSql(): string[] {
  const table = (name: string, columns: readonly ColumnSpec[]) =>
    `CREATE TABLE ${name} (${
      columns.map((c) => `${c.name} ${c.type}${c.required ? " NOT NULL" : ""}`)
        .join(", ")
    })`;
  return [table("sales", SALES_COLUMNS), table("customers", CUSTOMER_COLUMNS)];
}

/**
 * The database instance behind each open connection. An instance must
 * outlive its connections: one collected first can crash the process at exit.
 */
const INSTANCES = new Map<DuckDBConnection, DuckDBInstance>();

// DuckDB's bindings free query results in garbage-collection finalizers. If
// those run while the process is tearing down, after the native library has
// gone, the process crashes (exit 139) although all its work is done. A
// collection at unload, with --v8-flags=--expose-gc, runs them in time.
globalThis.addEventListener?.("unload", () => {
  (globalThis as { gc?: () => void }).gc?.();
});

/** Opens an empty in-memory database with the data model's tables. */
export async function openDatabase(): Promise<DuckDBConnection> {
  const instance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  INSTANCES.set(connection, instance);
  // One statement per run(): several in one call can crash DuckDB's
  // node bindings at exit.
  for (const statement of schemaSql()) await connection.run(statement);
  return connection;
}

/**
 * Builds a Dataset from rows in memory, as the simulator and tests do.
 *
 * @example
 * ```ts
 * import { createDataset, queryRows } from "./dataset.ts";
 * const data = await createDataset({
 *   sales: [{ date: "2024-01-02", store: "S1", city: null, region: null,
 *     channel: null, department: null, category: "Books", sub_category: null,
 *     customer_id: null, transaction_id: null, quantity: 1, amount: 9.5,
 *     gallons: null, fuel_type: null, fuel_price: null }],
 * });
 * const [row] = await queryRows<{ total: number }>(data, "SELECT sum(amount) AS total FROM sales");
 * if (row.total !== 9.5) throw new Error("unexpected total");
 * ```
 */
export async function createDataset(
  options: CreateDatasetOptions,
): Promise<Dataset> {
  const connection = await openDatabase();
  const sales = await connection.createAppender("sales");
  appendRows(sales, SALES_COLUMNS, options.sales);
  const customers = await connection.createAppender("customers");
  const customerCount = appendRows(
    customers,
    CUSTOMER_COLUMNS,
    options.customers ?? [],
  );
  return {
    connection,
    hasCustomers: customerCount > 0,
    source: options.source ?? "rows in memory",
  };
}

function appendRows<T extends object>(
  appender: DuckDBAppender,
  columns: readonly ColumnSpec[],
  rows: Iterable<T>,
): number {
  let count = 0;
  for (const row of rows) {
    const record = row as Record<string, unknown>;
    for (const column of columns) {
      const value = record[column.name];
      if (value === null || value === undefined) appender.appendNull();
      else if (column.type === "DOUBLE") appender.appendDouble(value as number);
      else if (column.type === EXACT_NUMBER) {
        appender.appendDecimal(
          DuckDBDecimalValue.fromDouble(value as number, 18, 4),
        );
      } else if (column.type === "DATE") {
        appender.appendDate(
          new DuckDBDateValue(dayNumber(String(value))),
        );
      } else appender.appendVarchar(String(value));
    }
    appender.endRow();
    count++;
  }
  appender.closeSync();
  return count;
}

/** A value a query can bind to a `?` or `$name` placeholder. */
export type QueryParam = string | number | boolean | null;

/**
 * Runs a query and returns plain rows: DuckDB integers come back as numbers,
 * dates as `YYYY-MM-DD` strings and timestamps as ISO strings.
 */
export async function queryRows<T = Record<string, unknown>>(
  data: Pick<Dataset, "connection" | "engine">,
  sql: string,
  params?: QueryParam[] | Record<string, QueryParam>,
): Promise<T[]> {
  if (data.engine) {
    if (params !== undefined && !Array.isArray(params)) {
      throw new TypeError(
        "Cannot run a query with named parameters on a warehouse",
      );
    }
    return await data.engine.query<T>(sql, params);
  }
  const reader = await data.connection.runAndReadAll(
    sql,
    params as never,
  );
  // Column by column, then rows: several times faster than row objects for
  // the hundreds of thousands of rows the segmentation reads.
  return rowsOf<T>(
    reader.deduplicatedColumnNames(),
    reader.convertColumns(plainValue),
    reader.currentRowCount,
  );
}

/** Rows as objects from columns of converted values. */
function rowsOf<T>(
  names: readonly string[],
  columns: readonly (readonly unknown[])[],
  count: number,
): T[] {
  const rows = new Array<T>(count);
  for (let i = 0; i < count; i++) {
    const row: Record<string, unknown> = {};
    for (let j = 0; j < names.length; j++) row[names[j]] = columns[j][i];
    rows[i] = row as T;
  }
  return rows;
}

/**
 * Runs a query and yields its rows, as queryRows returns them, in batches
 * of at most `batchRows`: on a warehouse through a cursor, on DuckDB chunk
 * by chunk. The whole result is never held, so a query with a row per
 * customer costs one batch of memory. Run no other query on the dataset
 * until the iteration ends.
 *
 * @example
 * ```ts
 * import { createDataset, streamRows } from "./dataset.ts";
 * const data = await createDataset({ sales: [] });
 * const sizes: number[] = [];
 * for await (const rows of streamRows(data, "SELECT range AS i FROM range(5000)", [], 2048)) {
 *   sizes.push(rows.length);
 * }
 * if (sizes.join() !== "2048,2048,904") throw new Error(sizes.join());
 * ```
 */
export async function* streamRows<T = Record<string, unknown>>(
  data: Pick<Dataset, "connection" | "engine">,
  sql: string,
  params: QueryParam[] = [],
  batchRows: number = STREAM_BATCH,
): AsyncGenerator<T[]> {
  if (!(batchRows >= 1)) {
    throw new RangeError(`Cannot stream rows in batches of ${batchRows}`);
  }
  if (data.engine) {
    yield* data.engine.stream<T>(sql, params, batchRows);
    return;
  }
  const result = await data.connection.stream(
    sql,
    params.length ? params as never : undefined,
  );
  const names = result.deduplicatedColumnNames();
  let batch: T[] = [];
  for (;;) {
    const chunk = await result.fetchChunk();
    if (!chunk || chunk.rowCount === 0) break;
    for (
      const row of rowsOf<T>(
        names,
        chunk.convertColumns(plainValue),
        chunk.rowCount,
      )
    ) {
      batch.push(row);
      if (batch.length === batchRows) {
        yield batch;
        batch = [];
      }
    }
  }
  if (batch.length > 0) yield batch;
}

/** Converts one DuckDB value as queryRows returns it. */
const plainValue: DuckDBValueConverter<unknown> = (value, type, converter) => {
  if (value === null || value === undefined) return null;
  switch (type.typeId) {
    case DuckDBTypeId.VARCHAR:
      return value;
    case DuckDBTypeId.DECIMAL:
      return (value as DuckDBDecimalValue).toDouble();
    case DuckDBTypeId.DOUBLE:
    case DuckDBTypeId.INTEGER:
    case DuckDBTypeId.BIGINT:
      return Number(value);
    case DuckDBTypeId.DATE:
      // The same text as Date's toISOString() gives, without a Date.
      return dateOfDay((value as DuckDBDateValue).days);
    default:
      return plain(JSDuckDBValueConverter(value, type, converter as never));
  }
};

function plain(value: unknown): unknown {
  if (typeof value === "bigint") return Number(value);
  if (value instanceof Date) {
    const iso = value.toISOString();
    return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : iso;
  }
  if (Array.isArray(value)) return value.map(plain);
  return value;
}

/** Releases the dataset's connection. */
export function closeDataset(
  data: Pick<Dataset, "connection" | "engine">,
): void {
  if (data.engine) {
    data.engine.close().catch(() => {});
    return;
  }
  data.connection.closeSync();
  INSTANCES.get(data.connection)?.closeSync();
  INSTANCES.delete(data.connection);
}
