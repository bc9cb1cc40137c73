import { type Dataset, queryRows, streamRows } from "./dataset.ts";
import type { SqlEngine } from "./sql_engine.ts";
import { sqlIdentifier } from "../model/sql_string.ts";

/**
 * The engine a Dataset's queries run on: its warehouse when it has one,
 * else its embedded DuckDB database.
 */
export function engineOf(data: Dataset): SqlEngine {
  return data.engine ?? duckdbEngine(data);
}

/** The embedded DuckDB database as a {@linkcode SqlEngine}. */
export function duckdbEngine(data: Pick<Dataset, "connection">): SqlEngine {
  const { connection } = data;
  let queries = 0;
  let rowsReturned = 0;
  let largestResult = 0;
  return {
    dialect: "duckdb",
    async query<T>(sql: string, params: readonly unknown[] = []) {
      const rows = await queryRows<T>(
        { connection },
        sql,
        params.length ? [...params] as never : undefined,
      );
      queries++;
      rowsReturned += rows.length;
      largestResult = Math.max(largestResult, rows.length);
      return rows;
    },
    async *stream<T>(
      sql: string,
      params: readonly unknown[] = [],
      batchRows?: number,
    ) {
      queries++;
      let rows = 0;
      for await (
        const batch of streamRows<T>(
          { connection },
          sql,
          [...params] as never,
          batchRows,
        )
      ) {
        rows += batch.length;
        rowsReturned += batch.length;
        yield batch;
      }
      largestResult = Math.max(largestResult, rows);
    },
    async run(sql, params = []) {
      await connection.run(
        sql,
        params.length ? [...params] as never : undefined,
      );
    },
    async dropTempTable(name) {
      await connection.run(`DROP TABLE IF EXISTS temp.${sqlIdentifier(name)}`);
    },
    async createTempTableAs(name, sql, params = []) {
      await connection.run(`DROP TABLE IF EXISTS temp.${sqlIdentifier(name)}`);
      await connection.run(
        `CREATE TEMP TABLE ${sqlIdentifier(name)} AS ${sql}`,
        params.length ? [...params] as never : undefined,
      );
    },
    async createTempTable(name, columns, rows) {
      await connection.run(`DROP TABLE IF EXISTS temp.${sqlIdentifier(name)}`);
      await connection.run(
        `CREATE TEMP TABLE ${sqlIdentifier(name)} (${
          columns.map((c) => `${sqlIdentifier(c.name)} ${c.type}`).join(", ")
        })`,
      );
      // Opened at the first row: a table without rows needs none.
      let appender:
        | Awaited<ReturnType<typeof connection.createAppender>>
        | null = null;
      for await (const row of rows) {
        const to = appender ??= await connection.createAppender(name);
        columns.forEach((column, i) => {
          const value = row[i];
          if (value === null) to.appendNull();
          else if (column.type === "DOUBLE") {
            to.appendDouble(Number(value));
          } else if (column.type === "INTEGER") {
            to.appendInteger(Number(value));
          } else to.appendVarchar(String(value));
        });
        to.endRow();
      }
      appender?.closeSync();
    },
    stats: () => ({
      engine: "DuckDB",
      queries,
      rowsReturned,
      largestResult,
      bytesReturned: null,
    }),
    close: () => Promise.resolve(),
  };
}
