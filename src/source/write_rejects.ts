import { dirname } from "node:path";
import type { Dataset } from "./dataset.ts";
import { sqlString } from "../model/sql_string.ts";

/**
 * Writes every rejected row with its file, row number, column, value and
 * reason to a CSV file.
 */
export async function writeRejects(data: Dataset, path: string): Promise<void> {
  await Deno.mkdir(dirname(path), { recursive: true });
  await data.connection.run(
    `COPY (SELECT file, row, "column", value, reason FROM rejects ORDER BY file, row) TO ${
      sqlString(path)
    } (HEADER, DELIMITER ',')`,
  );
}
