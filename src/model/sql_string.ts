/**
 * Quotes text as a SQL string literal, for the few places DuckDB takes no
 * parameter (table functions' file names and options).
 *
 * @example
 * ```ts
 * import { sqlString } from "./sql_string.ts";
 * if (sqlString("it's") !== "'it''s'") throw new Error();
 * ```
 */
export function sqlString(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

/** Quotes a column name as a SQL identifier. */
export function sqlIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
