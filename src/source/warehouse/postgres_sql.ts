/**
 * Translates a query written for both engines into PostgreSQL's form. The
 * queries keep to the SQL that DuckDB and PostgreSQL share (see
 * docs/warehouse.md, "One definition of each query"); the one thing they
 * cannot share is how a parameter is written: DuckDB takes `?`,
 * PostgreSQL `$1`, `$2`, ... Question marks inside quoted strings,
 * quoted identifiers and comments are left alone.
 *
 * @example
 * ```ts
 * import { postgresSql } from "./postgres_sql.ts";
 * const sql = postgresSql("SELECT '?' AS q FROM sales WHERE store = ? AND date >= ?::DATE");
 * if (sql !== "SELECT '?' AS q FROM sales WHERE store = $1 AND date >= $2::DATE") throw new Error(sql);
 * ```
 */
export function postgresSql(sql: string): string {
  let out = "";
  let n = 0;
  let i = 0;
  while (i < sql.length) {
    const c = sql[i];
    if (c === "'" || c === '"') {
      const end = closing(sql, i, c);
      out += sql.slice(i, end);
      i = end;
    } else if (c === "-" && sql[i + 1] === "-") {
      const end = sql.indexOf("\n", i);
      const stop = end === -1 ? sql.length : end;
      out += sql.slice(i, stop);
      i = stop;
    } else if (c === "/" && sql[i + 1] === "*") {
      const end = sql.indexOf("*/", i + 2);
      const stop = end === -1 ? sql.length : end + 2;
      out += sql.slice(i, stop);
      i = stop;
    } else if (c === "?") {
      out += `$${++n}`;
      i++;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

/** The index just past the quote that closes the one at `start` (a doubled quote stays inside). */
function closing(sql: string, start: number, quote: string): number {
  let i = start + 1;
  while (i < sql.length) {
    if (sql[i] === quote) {
      if (sql[i + 1] === quote) i += 2;
      else return i + 1;
    } else i++;
  }
  return sql.length;
}
