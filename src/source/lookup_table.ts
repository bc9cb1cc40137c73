import type { DuckDBConnection } from "@duckdb/node-api";
import { InputError } from "../model/input_error.ts";
import { sqlIdentifier } from "../model/sql_string.ts";

/** A lookup file's converted rows, as {@linkcode uniqueLookup} reads them. */
export interface LookupSpec {
  /** A view or table with `__row` (the file's line) and the columns below. */
  table: string;
  /** The name of the unique table to make; `<table>__unique` by default. */
  name?: string;
  file: string;
  /** What the file holds, for messages: "product categories", "customers". */
  what: string;
  /** The columns that identify a row, with their names in the file. */
  key: readonly { name: string; column: string }[];
  /** The columns a row gives its key, with their names in the file. */
  values: readonly { name: string; column: string }[];
}

/** What {@linkcode uniqueLookup} made and found. */
export interface UniqueLookup {
  /** A temporary table with one row per key, the first of its repeats. */
  table: string;
  /** Rows dropped because they repeat an earlier row exactly. */
  repeatedRows: number;
}

/**
 * Makes a lookup file's rows unique by key before sale lines join them, so
 * that a join can never multiply a sale line. A row that repeats an earlier
 * row exactly is dropped and counted; two rows that give one key different
 * values stop the load with an InputError naming the file, both rows and the
 * key.
 */
export async function uniqueLookup(
  connection: DuckDBConnection,
  spec: LookupSpec,
): Promise<UniqueLookup> {
  const keys = spec.key.map((k) => sqlIdentifier(k.name));
  const values = spec.values.map((v) => sqlIdentifier(v.name));
  const all = [...keys, ...values];
  // Each distinct row with its first line; a key with two of them is given
  // two different meanings. Key columns are required, so never NULL.
  const conflict = (await connection.runAndReadAll(
    `WITH firsts AS (
       SELECT ${all.join(", ")}, min(__row) AS __row FROM ${spec.table}
       GROUP BY ALL
     ), conflicting AS (
       SELECT ${keys.join(", ")}, min(__row) AS __first FROM firsts
       GROUP BY ALL HAVING count(*) > 1
       ORDER BY __first LIMIT 1
     )
     SELECT ${
      all.map((c) => `CAST(firsts.${c} AS VARCHAR) AS ${c}`).join(", ")
    }, firsts.__row
     FROM firsts JOIN conflicting USING (${keys.join(", ")})
     ORDER BY firsts.__row LIMIT 2`,
  )).getRowObjectsJS();
  if (conflict.length === 2) {
    const [a, b] = conflict;
    const text = (value: unknown) => JSON.stringify(value ?? "");
    const key = spec.key.map((k) => `${k.column} ${text(a[k.name])}`).join(
      ", ",
    );
    const given = (row: Record<string, unknown>) =>
      spec.values.map((v) => `${v.column} ${text(row[v.name])}`).join(", ");
    throw new InputError({
      what: spec.what,
      file: spec.file,
      problem:
        `rows ${a.__row} and ${b.__row} both define ${key}, differently: ${
          given(a)
        } against ${given(b)}`,
    });
  }
  const unique = spec.name ?? `${spec.table}__unique`;
  await connection.run(
    `CREATE OR REPLACE TEMP TABLE ${unique} AS
     SELECT ${all.join(", ")}, min(__row) AS __row FROM ${spec.table}
     GROUP BY ALL`,
  );
  const counts = (await connection.runAndReadAll(
    `SELECT (SELECT count(*) FROM ${spec.table})::INTEGER AS rows,
            (SELECT count(*) FROM ${unique})::INTEGER AS kept`,
  )).getRowObjectsJS()[0];
  return {
    table: unique,
    repeatedRows: Number(counts.rows) - Number(counts.kept),
  };
}
