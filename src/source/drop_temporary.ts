import type { DuckDBConnection } from "@duckdb/node-api";
import { sqlIdentifier } from "../model/sql_string.ts";

/**
 * Drops the temporary views and tables a load made (staged text, lookups,
 * converted rows), but those named in `keep`, so that only the data model's
 * tables keep memory.
 */
export async function dropTemporary(
  connection: DuckDBConnection,
  keep: string[] = [],
): Promise<void> {
  const list = async (kind: "views" | "tables") =>
    (await connection.runAndReadAll(
      `SELECT ${
        kind === "views" ? "view_name" : "table_name"
      } FROM duckdb_${kind}() WHERE temporary AND NOT internal`,
    )).getRows().map((r) => String(r[0])).filter((name) =>
      !keep.includes(name)
    );
  for (const view of await list("views")) {
    await connection.run(`DROP VIEW IF EXISTS temp.${sqlIdentifier(view)}`);
  }
  for (const table of await list("tables")) {
    await connection.run(`DROP TABLE IF EXISTS temp.${sqlIdentifier(table)}`);
  }
}
