import type { DuckDBConnection } from "@duckdb/node-api";
import { InputError } from "../../model/input_error.ts";
import {
  type ColumnSpec,
  EXACT_LIMIT,
  EXACT_NUMBER,
  SALES_COLUMNS,
} from "../../model/schema.ts";
import { sqlIdentifier, sqlString } from "../../model/sql_string.ts";
import { IMPLAUSIBLE_DATE, plausibleDateSql } from "../parse_date.ts";
import { NOT_FINITE, TOO_LARGE } from "../parse_number.ts";
import type { LayoutContext, LayoutLoad } from "./layout_load.ts";

/**
 * Reads a Parquet file of sale lines in Basket's own columns, each cast to
 * the data model's type, after {@linkcode stageParquet} has checked every
 * value (Parquet rows are never skipped).
 */
export async function loadParquet(
  ctx: LayoutContext,
  salesFile: string,
): Promise<LayoutLoad> {
  const { connection } = ctx;
  const staged = await stageParquet(connection, salesFile, {
    table: "raw_sales",
    what: "sales",
    columns: SALES_COLUMNS,
  });
  const { columns } = staged;
  await connection.run(
    `INSERT INTO sales SELECT ${
      SALES_COLUMNS.map((c) =>
        columns.includes(c.name) ? `CAST(${c.name} AS ${c.type})` : "NULL"
      ).join(", ")
    } FROM raw_sales`,
  );
  return {
    kind: "basket",
    files: [salesFile],
    rowsRead: staged.rows,
    salesTable: "raw_sales",
    salesColumns: columns,
    dateOrders: {},
    columns: SALES_COLUMNS.filter((c) => columns.includes(c.name)).map((c) => ({
      field: c.name,
      file: salesFile,
      column: c.name,
    })),
  };
}

/** What {@linkcode stageParquet} reads and checks. */
export interface ParquetTarget {
  /** The temporary table to read the file into. */
  table: string;
  /** What the file holds, in words, for errors: "sales", "customers". */
  what: string;
  /** The data model's columns the file may hold. */
  columns: readonly ColumnSpec[];
}

/** What {@linkcode stageParquet} found. */
export interface StagedParquet {
  /** The file's columns (the table has `__row` besides: 1 for the first row). */
  columns: string[];
  rows: number;
}

/**
 * Reads a Parquet file into a temporary table and checks it as a CSV is
 * checked, so that no DuckDB error reaches the user: an InputError for a
 * file DuckDB cannot read, a required column it lacks, and else the first
 * row (counting from 1) with a required value empty, a value that does not
 * cast to the model's type (`"x" is not a number`; `"true" is not a date:
 * the column holds BOOLEAN values`), a non-finite number (`NaN`,
 * `Infinity`) or a date outside 1900-01-01..2099-12-31.
 */
export async function stageParquet(
  connection: DuckDBConnection,
  file: string,
  target: ParquetTarget,
): Promise<StagedParquet> {
  const { table, what } = target;
  try {
    await connection.run(
      `CREATE OR REPLACE TEMP TABLE ${table} AS SELECT * EXCLUDE (file_row_number), file_row_number + 1 AS __row FROM read_parquet(${
        sqlString(file)
      }, file_row_number = true)`,
    );
  } catch (error) {
    throw new InputError({
      what,
      file,
      problem: `is not a readable Parquet file: ${
        (error as Error).message.split("\n")[0]
      }`,
    });
  }
  const types = new Map(
    (await connection.runAndReadAll(`DESCRIBE ${table}`)).getRowObjectsJS()
      .map((r) => [String(r.column_name), String(r.column_type)]),
  );
  types.delete("__row");
  const columns = [...types.keys()];
  const missing = target.columns.filter((c) =>
    c.required && !columns.includes(c.name)
  );
  if (missing.length) {
    throw new InputError({
      what,
      file,
      problem: `lacks ${missing.map((c) => JSON.stringify(c.name)).join(", ")}`,
    });
  }
  const present = target.columns.filter((c) => columns.includes(c.name));
  // The checks in the order a CSV's are made: empty required values first,
  // then each column's values.
  const checks: { column: string; bad: string; problem: string }[] = [];
  for (const c of present.filter((c) => c.required)) {
    checks.push({
      column: c.name,
      bad: `${sqlIdentifier(c.name)} IS NULL`,
      problem: "is empty",
    });
  }
  for (const c of present) {
    if (c.type === "VARCHAR") continue;
    const raw = sqlIdentifier(c.name);
    // Exact numbers are checked as doubles first, so that one too large
    // for them is told as such.
    const exact = c.type === EXACT_NUMBER;
    const value = `TRY_CAST(${raw} AS ${exact ? "DOUBLE" : c.type})`;
    // A value of another type that does not cast says what the column holds.
    const type = types.get(c.name)!;
    const holds = type === "VARCHAR" ? "" : `: the column holds ${type} values`;
    checks.push({
      column: c.name,
      bad: `${value} IS NULL AND ${raw} IS NOT NULL`,
      problem: `is not a ${c.type === "DATE" ? "date" : "number"}${holds}`,
    });
    checks.push(
      c.type === "DATE"
        ? {
          column: c.name,
          bad: `NOT ${plausibleDateSql(value)}`,
          problem: IMPLAUSIBLE_DATE,
        }
        : {
          column: c.name,
          bad: `NOT isfinite(${value})`,
          problem: NOT_FINITE,
        },
    );
    if (exact) {
      checks.push({
        column: c.name,
        bad: `abs(${value}) >= ${EXACT_LIMIT}`,
        problem: TOO_LARGE,
      });
    }
  }
  const [rows, badRow, bad] = (await connection.runAndReadAll(
    `SELECT count(*)::INTEGER, min(__row) FILTER (WHERE __bad IS NOT NULL), arg_min(__bad, __row) FILTER (WHERE __bad IS NOT NULL) FROM (SELECT __row, CASE ${
      checks.map((c, at) => `WHEN ${c.bad} THEN ${at}`).join(" ")
    } END AS __bad FROM ${table})`,
  )).getRows()[0];
  if (bad !== null) {
    const check = checks[Number(bad)];
    const [value] = (await connection.runAndReadAll(
      `SELECT CAST(${
        sqlIdentifier(check.column)
      } AS VARCHAR) FROM ${table} WHERE __row = ${Number(badRow)}`,
    )).getRows()[0];
    throw new InputError({
      what,
      file,
      row: Number(badRow),
      column: check.column,
      value: value === null ? "" : String(value),
      problem: check.problem,
    });
  }
  return { columns, rows: Number(rows) };
}
