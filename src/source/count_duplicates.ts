import type { DuckDBConnection } from "@duckdb/node-api";
import { sqlIdentifier } from "../model/sql_string.ts";

/**
 * Counts lines that exactly repeat an earlier line of `table`. Lines are
 * first grouped by a hash of all their values, which needs little memory;
 * only lines whose hash repeats are then compared value by value.
 */
export async function countDuplicates(
  connection: DuckDBConnection,
  table: string,
  columns: string[],
): Promise<number> {
  const list = columns.map(sqlIdentifier).join(", ");
  const reader = await connection.runAndReadAll(
    `WITH repeated AS (SELECT hash(${list}) AS h FROM ${table} GROUP BY h HAVING count(*) > 1)
     SELECT coalesce(sum(n - 1), 0)::INTEGER FROM (
       SELECT count(*) AS n FROM ${table} WHERE hash(${list}) IN (SELECT h FROM repeated)
       GROUP BY ${list} HAVING count(*) > 1)`,
  );
  return Number(reader.getRows()[0][0]);
}
