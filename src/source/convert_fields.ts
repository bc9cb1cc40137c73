import type { DuckDBConnection } from "@duckdb/node-api";
import { type DateOrder, dateSql, NUMERIC_DATE } from "./parse_date.ts";
import { evidenceOf } from "./detect_date_order.ts";
import { InputError } from "../model/input_error.ts";
import { fieldChecks, type FieldSpec, fieldValueSql } from "./field_sql.ts";
import { sqlIdentifier, sqlString } from "../model/sql_string.ts";

export type { FieldSpec } from "./field_sql.ts";

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
  /**
   * A view with `__row` and one typed column per field, over a temporary
   * table `<staged>__checked`; the caller drops both when done.
   */
  table: string;
  rejected: number;
  /** The date order used for each date field, or "iso" when it had none. */
  dateOrders: Record<string, DateOrder | "iso">;
  /**
   * Whether the view lists rows in file order. It does unless a date
   * field has dd/mm/yyyy dates, which are read through a lookup join; then
   * order by `__row`.
   */
  ordered: boolean;
}

/**
 * Converts a staged table's text into typed fields in one pass, checking
 * every value: dates must be real and plausible ({@linkcode IMPLAUSIBLE_DATE}),
 * numbers finite and below {@linkcode EXACT_LIMIT} in magnitude. With `onBadRows: "fail"` the first bad row (in file order)
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
  let ordered = true;
  // Three levels, so that each value is trimmed and converted once: the
  // staged text trimmed (`__t<i>`, and dates from their lookup table), then
  // the typed values, then the first check each row fails (`__bad`, an
  // index into `checks`; NULL for a good row).
  const joins: string[] = [];
  const inputs: string[] = [];
  const values: string[] = [];
  const checks: {
    column: string;
    /** The untrimmed text, in terms of the staged table `s`. */
    raw: string;
    bad: string;
    problem: string;
  }[] = [];
  for (const [i, field] of fields.entries()) {
    const raw = `s.${sqlIdentifier(field.column)}`;
    const text = `__t${i}`;
    inputs.push(`trim(${raw}) AS ${text}`);
    const name = sqlIdentifier(field.name);
    let value = fieldValueSql(field, text);
    if (field.kind === "date") {
      const order = await decideDateOrder(
        connection,
        staged,
        field.column,
        options.dateOrder,
      );
      dateOrders[field.name] = order ?? "iso";
      if (order !== undefined) {
        // dd/mm/yyyy or mm/dd/yyyy dates: each distinct text converted
        // once, through a lookup join (which does not keep the file's
        // order). Without them, fieldValueSql's row-by-row conversion.
        ordered = false;
        const lookup = `d${i}`;
        await connection.run(
          `CREATE OR REPLACE TEMP TABLE ${table}__${lookup} AS SELECT v, ${
            dateSql("v", order)
          } AS d FROM (SELECT DISTINCT ${
            sqlIdentifier(field.column)
          } AS v FROM ${table})`,
        );
        joins.push(
          `LEFT JOIN ${table}__${lookup} ${lookup} ON ${lookup}.v = ${raw}`,
        );
        inputs.push(`${lookup}.d AS __d${i}`);
        value = `__d${i}`;
      }
    }
    const rules = fieldChecks(field, text);
    if (rules.required) {
      checks.unshift({ column: field.column, raw, ...rules.required });
    }
    checks.push(
      ...rules.checks.map((c) => ({ column: field.column, raw, ...c })),
    );
    values.push(`${value} AS ${name}`);
  }
  const names = fields.map((f) => sqlIdentifier(f.name));
  const bad = checks.length
    ? `CASE ${checks.map((c, at) => `WHEN ${c.bad} THEN ${at}`).join(" ")} END`
    : "NULL::INTEGER";
  const checked = `${table}__checked`;
  const converted = `${table}__ok`;
  await connection.run(
    `CREATE OR REPLACE TEMP TABLE ${checked} AS SELECT __row, ${
      names.join(", ")
    }, ${bad} AS __bad FROM (SELECT __row, ${
      fields.map((_, i) => `__t${i}`).join(", ")
    }, ${values.join(", ")} FROM (SELECT s.__row, ${
      inputs.join(", ")
    } FROM ${table} s ${joins.join(" ")}))`,
  );
  // What a bad row failed, from its check's index.
  const pick = (of: (c: typeof checks[number]) => string) =>
    `CASE c.__bad ${
      checks.map((c, at) => `WHEN ${at} THEN ${of(c)}`).join(" ")
    } END`;
  const badColumn = pick((c) => sqlString(c.column));
  const badValue = pick((c) => c.raw);
  const badProblem = pick((c) => sqlString(c.problem));
  const badRows =
    `${checked} c JOIN ${table} s ON s.__row = c.__row WHERE c.__bad IS NOT NULL`;
  const [count] = (await connection.runAndReadAll(
    `SELECT count(*)::INTEGER FROM ${checked} WHERE __bad IS NOT NULL`,
  )).getRows()[0];
  let rejected = 0;
  if (Number(count) > 0) {
    const first = (await connection.runAndReadAll(
      `SELECT c.__row, ${badColumn} AS "column", ${badValue} AS value, ${badProblem} AS problem FROM ${badRows} ORDER BY c.__row LIMIT 1`,
    )).getRowObjectsJS()[0];
    if (options.onBadRows === "fail") {
      throw new InputError({
        what,
        file,
        row: Number(first.__row),
        column: String(first.column),
        value: first.value === null ? "" : String(first.value),
        problem: String(first.problem),
      });
    }
    rejected = Number(count);
    await connection.run(
      `CREATE TABLE IF NOT EXISTS rejects (file VARCHAR, what VARCHAR, row INTEGER, "column" VARCHAR, value VARCHAR, reason VARCHAR)`,
    );
    await connection.run(
      `INSERT INTO rejects SELECT ${sqlString(file)}, ${
        sqlString(what)
      }, c.__row, ${badColumn}, ${badValue}, 'column "' || ${badColumn} || '": ' || CASE WHEN ${badProblem} = 'is empty' THEN 'is empty' ELSE '"' || coalesce(${badValue}, '') || '" ' || ${badProblem} END FROM ${badRows} ORDER BY c.__row`,
    );
  }
  // A view, not a copy: the loader reads it once, then drops it with the rest.
  await connection.run(
    `CREATE OR REPLACE TEMP VIEW ${converted} AS SELECT * EXCLUDE (__bad) FROM ${checked} WHERE __bad IS NULL`,
  );
  return { table: converted, rejected, dateOrders, ordered };
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
