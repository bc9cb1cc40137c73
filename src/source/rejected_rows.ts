import type { Dataset } from "./dataset.ts";

/**
 * The rows a load rejected (see `onBadRows`), by file and row: each with
 * its file, row number, column, value and reason.
 */
export async function rejectedRows(
  data: Pick<Dataset, "connection">,
): Promise<Record<string, unknown>[]> {
  const reader = await data.connection.runAndReadAll(
    `SELECT file, row, "column", value, reason FROM rejects ORDER BY file, row`,
  );
  return reader.getRowObjectsJS() as Record<string, unknown>[];
}
