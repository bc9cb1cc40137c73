import type { DuckDBConnection } from "@duckdb/node-api";
import type { LoadReport } from "./load_report.ts";

/**
 * The reasons rows were rejected for, most frequent first, with the
 * rejected value left out so that rows rejected for the same reason count
 * together: `column "qty": "x" is not a number` counts as
 * `column "qty": is not a number`.
 */
export async function rejectReasons(
  connection: DuckDBConnection,
): Promise<LoadReport["rejectReasons"]> {
  const rejected = await connection.runAndReadAll(
    `SELECT reason, count(*)::INTEGER AS n FROM rejects GROUP BY reason ORDER BY n DESC, reason`,
  );
  const grouped = new Map<string, number>();
  for (const r of rejected.getRowObjectsJS()) {
    const reason = String(r.reason).replace(/"[^"]*" (is not)/, "$1").replace(
      /: "[^"]*" /,
      ": ",
    );
    grouped.set(reason, (grouped.get(reason) ?? 0) + Number(r.n));
  }
  return [...grouped].map(([reason, count]) => ({ reason, count }));
}
