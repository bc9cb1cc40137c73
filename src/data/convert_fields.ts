import type { DuckDBConnection } from "@duckdb/node-api";
import { type DateOrder, dateSql } from "./parse_date.ts";
import { evidenceOf } from "./detect_date_order.ts";
import { InputError } from "./input_error.ts";
import { NUMERIC_DATE } from "./parse_date.ts";
import { numberSql } from "./parse_number.ts";
import { sqlIdentifier, sqlString } from "./sql_string.ts";

/** One field to read from a staged (all-text) table. */
export interface FieldSpec {
  /** The field's name in the converted table. */
  name: string;
  /** The source column as it stands in the file. */
  column: string;
  kind: "date" | "number" | "text";
  /** An empty value is an error. */
  required?: boolean;
  /** A further check: SQL that is true for a bad value `$value`, and what to say. */
  check?: { badWhen: string; problem: string };
}

/** A staged table, as {@linkcode convertFields} needs it. */
export interface StagedTable {
  table: string;
  file: string;
  what: string;
}

/** Options for {@linkcode convertFields}. */
export interface ConvertOptions {
  onBadRows: "fail" | "skip";
  /** Forces the order of `nn/nn/yyyy` dates; otherwise the data decides. */
  dateOrder?: DateOrder;
}

/** What {@linkcode convertFields} made. */
export interface Converted {
  /** A table with `__row` and one typed column per field. */
  table: string;
  rejected: number;
  /** The date order used for each date field, or "iso" when it had none. */
  dateOrders: Record<string, DateOrder | "iso">;
}

/**
 * Converts a staged table's text into typed fields in one pass, checking
 * every value. With `onBadRows: "fail"` the first bad row (in file order)
 * throws an InputError naming the file, row, column and value; with `"skip"`
 * bad rows go to the `rejects` table with their reason.
 */
export async function convertFields(
  connection: DuckDBConnection,
  staged: StagedTable,
  fields: readonly FieldSpec[],
  options: ConvertOptions,
): Promise<Converted> {
  const { table, file, what } = staged;
  const dateOrders: Record<string, DateOrder | "iso"> = {};
  const joins: string[] = [];
  const values: string[] = [];
  const checks: {
    column: string;
    raw: string;
    bad: string;
    problem: string;
  }[] = [];
  for (const [i, field] of fields.entries()) {
    const raw = `s.${sqlIdentifier(field.column)}`;
    const empty = `(${raw} IS NULL OR trim(${raw}) = '')`;
    let value: string;
    if (field.kind === "date") {
      const order = await decideDateOrder(
        connection,
        staged,
        field.column,
        options.dateOrder,
      );
      dateOrders[field.name] = order ?? "iso";
      const lookup = `d${i}`;
      await connection.run(
        `CREATE OR REPLACE TEMP TABLE ${table}__${lookup} AS SELECT v, ${
          dateSql("v", order ?? "dmy")
        } AS d FROM (SELECT DISTINCT ${
          sqlIdentifier(field.column)
        } AS v FROM ${table})`,
      );
      joins.push(
        `LEFT JOIN ${table}__${lookup} ${lookup} ON ${lookup}.v = ${raw}`,
      );
      value = `${lookup}.d`;
      checks.push({
        column: field.column,
        raw,
        bad: `NOT ${empty} AND ${value} IS NULL`,
        problem: "is not a date",
      });
    } else if (field.kind === "number") {
      value = numberSql(raw);
      checks.push({
        column: field.column,
        raw,
        bad: `NOT ${empty} AND ${value} IS NULL`,
        problem: "is not a number",
      });
    } else {
      value = `nullif(trim(${raw}), '')`;
    }
    if (field.required) {
      checks.unshift({
        column: field.column,
        raw,
        bad: empty,
        problem: "is empty",
      });
    }
    if (field.check) {
      checks.push({
        column: field.column,
        raw,
        bad: `NOT ${empty} AND (${
          field.check.badWhen.replaceAll("$value", `trim(${raw})`)
        })`,
        problem: field.check.problem,
      });
    }
    values.push(`${value} AS ${sqlIdentifier(field.name)}`);
  }
  const caseOf = (pick: (c: typeof checks[number]) => string) =>
    checks.length
      ? `CASE ${
        checks.map((c) => `WHEN ${c.bad} THEN ${pick(c)}`).join(" ")
      } END`
      : "NULL";
  const from = `${table} s ${joins.join(" ")}`;
  const converted = `${table}__ok`;
  await connection.run(
    `CREATE OR REPLACE TEMP TABLE ${table}__checked AS SELECT s.__row, ${
      values.join(", ")
    }, ${caseOf((c) => sqlString(c.column))} AS __bad_column, ${
      caseOf((c) => c.raw)
    } AS __bad_value, ${
      caseOf((c) => sqlString(c.problem))
    } AS __bad_problem FROM ${from}`,
  );
  const bad = await connection.runAndReadAll(
    `SELECT __row, __bad_column, __bad_value, __bad_problem, count(*) OVER ()::INTEGER AS n FROM ${table}__checked WHERE __bad_column IS NOT NULL ORDER BY __row LIMIT 1`,
  );
  const first = bad.getRowObjectsJS()[0];
  let rejected = 0;
  if (first) {
    if (options.onBadRows === "fail") {
      throw new InputError({
        what,
        file,
        row: Number(first.__row),
        column: String(first.__bad_column),
        value: first.__bad_value === null ? "" : String(first.__bad_value),
        problem: String(first.__bad_problem),
      });
    }
    rejected = Number(first.n);
    await connection.run(
      `CREATE TABLE IF NOT EXISTS rejects (file VARCHAR, what VARCHAR, row INTEGER, "column" VARCHAR, value VARCHAR, reason VARCHAR)`,
    );
    await connection.run(
      `INSERT INTO rejects SELECT ${sqlString(file)}, ${
        sqlString(what)
      }, __row, __bad_column, __bad_value, 'column "' || __bad_column || '": ' || CASE WHEN __bad_problem = 'is empty' THEN 'is empty' ELSE '"' || coalesce(__bad_value, '') || '" ' || __bad_problem END FROM ${table}__checked WHERE __bad_column IS NOT NULL`,
    );
  }
  await connection.run(
    `CREATE OR REPLACE TEMP TABLE ${converted} AS SELECT * EXCLUDE (__bad_column, __bad_value, __bad_problem) FROM ${table}__checked WHERE __bad_column IS NULL`,
  );
  await connection.run(`DROP TABLE ${table}__checked`);
  return { table: converted, rejected, dateOrders };
}

async function decideDateOrder(
  connection: DuckDBConnection,
  staged: StagedTable,
  column: string,
  forced: DateOrder | undefined,
): Promise<DateOrder | undefined> {
  if (forced) return forced;
  const c = sqlIdentifier(column);
  const re = sqlString(NUMERIC_DATE.source);
  const part = (i: number) =>
    `TRY_CAST(regexp_extract(trim(${c}), ${re}, ${i}) AS INTEGER)`;
  const reader = await connection.runAndReadAll(
    `SELECT bool_or(regexp_full_match(trim(${c}), ${re})) AS any_numeric,
            min_by(${c}, __row) FILTER (WHERE ${part(1)} > 12) AS day_first,
            min_by(${c}, __row) FILTER (WHERE ${part(2)} > 12) AS month_first
     FROM ${staged.table} WHERE regexp_full_match(trim(${c}), ${re})`,
  );
  const row = reader.getRowObjectsJS()[0] ?? {};
  const evidence = evidenceOf(
    Boolean(row.any_numeric),
    row.day_first as string | null,
    row.month_first as string | null,
  );
  switch (evidence.order) {
    case "dmy":
    case "mdy":
      return evidence.order;
    case "none":
      return undefined;
    case "ambiguous":
      throw new InputError({
        what: staged.what,
        file: staged.file,
        column,
        problem:
          "dates are ambiguous: no day or month is above 12, so they could be dd/mm/yyyy or mm/dd/yyyy; pass --date-format dmy or --date-format mdy",
      });
    case "mixed":
      throw new InputError({
        what: staged.what,
        file: staged.file,
        column,
        problem: `dates are written both day first (${
          JSON.stringify(evidence.dayFirst)
        }) and month first (${
          JSON.stringify(evidence.monthFirst)
        }); make them consistent, or pass --date-format dmy or mdy to read them one way`,
      });
  }
}
