import { DataFrame } from "danfojs";

/** The danfojs column types {@linkcode toDataFrame} gives. */
export type FrameDtype = "int32" | "float32" | "string" | "boolean";

/**
 * A DuckDB query result read in full, as `connection.runAndReadAll()`
 * returns it (a `DuckDBResultReader`); only these methods are used.
 */
export interface QueryResult {
  columnNames(): string[];
  columnTypes(): readonly { toString(): string }[];
  /** Values as JavaScript: numbers, bigints, booleans, Dates, arrays... */
  getRowsJS(): unknown[][];
  /** Values as DuckDB values, whose `toString()` is DuckDB's text form. */
  getRows(): unknown[][];
}

/** Options for {@linkcode toDataFrame}. */
export interface ToDataFrameOptions {
  /**
   * Rows only: the columns and their order, which also gives an empty result
   * its columns. Default: every key of the rows, in order of first appearance.
   */
  columns?: readonly string[];
}

const INT32_MAX = 2 ** 31 - 1;
const INTEGER_TYPES = new Set([
  "TINYINT",
  "SMALLINT",
  "INTEGER",
  "BIGINT",
  "HUGEINT",
  "UTINYINT",
  "USMALLINT",
  "UINTEGER",
  "UBIGINT",
  "UHUGEINT",
]);
const FLOAT_TYPES = new Set(["FLOAT", "DOUBLE"]);

/**
 * Turns a query result into a danfojs DataFrame, for looking at it in a
 * notebook (DuckDB does the computing; the DataFrame shows the result).
 * Takes either plain rows (what `queryRows` and every analysis return) or a
 * DuckDB result (`connection.runAndReadAll(sql)`), whose column names and
 * types then hold even when it has no rows.
 *
 * Types: whole numbers that fit 32 bits are `int32`, other numbers
 * `float32` (danfojs's names; values stay JavaScript numbers, nothing is
 * rounded); integers beyond 2^53 become text rather than lose digits.
 * Booleans are `boolean`. Dates are `YYYY-MM-DD` text and timestamps ISO
 * text, as `queryRows` gives them (DuckDB's own text form for a DuckDB
 * result); lists and structs are JSON (DuckDB's text form). A column that
 * mixes kinds, or has only nulls, is `string`. Nulls stay null (danfojs
 * counts them as missing).
 *
 * @example
 * ```ts
 * import { toDataFrame } from "./to_data_frame.ts";
 * const frame = toDataFrame([
 *   { store: "S1", day: "2024-01-02", sales: 10.5, lines: 3 },
 *   { store: "S2", day: "2024-01-02", sales: null, lines: 1 },
 * ]);
 * if (frame.dtypes.join() !== "string,string,float32,int32" || frame.shape.join() !== "2,4") {
 *   throw new Error(frame.dtypes.join());
 * }
 * ```
 */
export function toDataFrame(
  source: readonly object[] | QueryResult,
  options: ToDataFrameOptions = {},
): DataFrame {
  const { columns, values, dtypes } = isQueryResult(source)
    ? fromResult(source)
    : fromRows(source, options.columns);
  const seen = new Set<string>();
  for (const column of columns) {
    if (seen.has(column)) {
      throw new TypeError(
        `Cannot make a DataFrame: column ${
          JSON.stringify(column)
        } appears twice; give the columns distinct names`,
      );
    }
    seen.add(column);
  }
  const rows = columns.length ? (values[0]?.length ?? 0) : 0;
  const data: unknown[][] = [];
  for (let i = 0; i < rows; i++) data.push(values.map((column) => column[i]));
  return new DataFrame(data, { columns: [...columns], dtypes });
}

interface Columns {
  columns: string[];
  /** Column by column. */
  values: unknown[][];
  dtypes: FrameDtype[];
}

function isQueryResult(source: unknown): source is QueryResult {
  return typeof (source as QueryResult).columnNames === "function" &&
    typeof (source as QueryResult).getRowsJS === "function";
}

function fromRows(
  rows: readonly object[],
  given: readonly string[] | undefined,
): Columns {
  let columns: string[];
  if (given) columns = [...given];
  else {
    const keys = new Set<string>();
    for (const row of rows) for (const key of Object.keys(row)) keys.add(key);
    columns = [...keys];
  }
  const values = columns.map((column) =>
    rows.map((row) => plainValue((row as Record<string, unknown>)[column]))
  );
  const dtypes = values.map((column) => inferDtype(column, null));
  return {
    columns,
    values: values.map((column, j) => castColumn(column, dtypes[j])),
    dtypes,
  };
}

function fromResult(result: QueryResult): Columns {
  const columns = result.columnNames();
  const types = result.columnTypes().map((type) =>
    String(type).replace(/\(.*$/, "")
  );
  const jsRows = result.getRowsJS();
  let duckRows: unknown[][] | null = null;
  const values: unknown[][] = [];
  const dtypes: FrameDtype[] = [];
  columns.forEach((_, j) => {
    const type = types[j];
    let column: unknown[];
    let declared: FrameDtype;
    if (
      INTEGER_TYPES.has(type) || FLOAT_TYPES.has(type) || type === "DECIMAL"
    ) {
      column = jsRows.map((row) => plainValue(row[j]));
      declared = INTEGER_TYPES.has(type) ? "int32" : "float32";
    } else if (type === "BOOLEAN") {
      column = jsRows.map((row) => plainValue(row[j]));
      declared = "boolean";
    } else {
      duckRows ??= result.getRows();
      column = duckRows.map((row) => row[j] === null ? null : String(row[j]));
      declared = "string";
    }
    const dtype = inferDtype(column, declared);
    values.push(castColumn(column, dtype));
    dtypes.push(dtype);
  });
  return { columns, values, dtypes };
}

/** A cell as plain JavaScript: null, a number, a bigint, a boolean or text. */
function plainValue(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (
    typeof value === "number" || typeof value === "string" ||
    typeof value === "boolean" || typeof value === "bigint"
  ) return value;
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return null;
    const iso = value.toISOString();
    return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : iso;
  }
  return JSON.stringify(
    value,
    (_, v) => typeof v === "bigint" ? String(v) : v,
  );
}

/**
 * The type of a column of plain values. `declared` (a DuckDB column's type)
 * decides for a column of nulls, and keeps a DOUBLE column of whole numbers
 * `float32`.
 */
function inferDtype(
  column: readonly unknown[],
  declared: FrameDtype | null,
): FrameDtype {
  let numbers = 0;
  let booleans = 0;
  let others = 0;
  let int32 = true;
  let safe = true;
  for (const value of column) {
    if (value === null) continue;
    if (typeof value === "number") {
      numbers++;
      if (!Number.isInteger(value) || Math.abs(value) > INT32_MAX) {
        int32 = false;
      }
    } else if (typeof value === "bigint") {
      numbers++;
      if (value > BigInt(INT32_MAX) || value < -BigInt(INT32_MAX)) {
        int32 = false;
      }
      if (
        value > BigInt(Number.MAX_SAFE_INTEGER) ||
        value < BigInt(Number.MIN_SAFE_INTEGER)
      ) safe = false;
    } else if (typeof value === "boolean") booleans++;
    else others++;
  }
  if (numbers + booleans + others === 0) return declared ?? "string";
  if (numbers && !booleans && !others && safe) {
    return int32 && declared !== "float32" ? "int32" : "float32";
  }
  if (booleans && !numbers && !others) return "boolean";
  return "string";
}

function castColumn(column: readonly unknown[], dtype: FrameDtype): unknown[] {
  if (dtype === "string") {
    return column.map((v) => v === null ? null : String(v));
  }
  if (dtype === "int32" || dtype === "float32") {
    return column.map((v) => typeof v === "bigint" ? Number(v) : v);
  }
  return [...column];
}
