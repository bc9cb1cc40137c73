/** A value a query can bind to a placeholder. */
export type SqlParam = string | number | boolean | null;

/** Rows a stream yields at a time unless asked otherwise. */
export const STREAM_BATCH = 20_000;

/** The SQL dialects Basket's queries are written for (see docs/warehouse.md). */
export type SqlDialect = "duckdb" | "postgres";

/** A column of a table an engine creates from rows in memory. */
export interface SqlColumn {
  name: string;
  type: "VARCHAR" | "DOUBLE" | "INTEGER";
}

/** What an engine has sent back so far: what the data-quality section reports. */
export interface EngineStats {
  /** `DuckDB` or the server's own name and version. */
  engine: string;
  queries: number;
  /** Result rows received, all queries together. */
  rowsReturned: number;
  /** The most rows one query returned. */
  largestResult: number;
  /** Bytes received from the server; null for the embedded engine, which sends none. */
  bytesReturned: number | null;
}

/**
 * Where the analyses' SQL runs: the embedded DuckDB database or a
 * PostgreSQL-protocol warehouse. Queries are written once with `?`
 * placeholders in the subset both dialects share; an engine translates
 * what differs (see dialect.ts) and returns plain rows: numbers as
 * numbers, dates as `YYYY-MM-DD` strings.
 */
export interface SqlEngine {
  readonly dialect: SqlDialect;
  query<T = Record<string, unknown>>(
    sql: string,
    params?: readonly SqlParam[],
  ): Promise<T[]>;
  /**
   * Runs a query and yields its rows in batches of at most `batchRows`, so
   * that a large result (one row per customer) is never held whole: the
   * warehouse reads it through a cursor, DuckDB chunk by chunk. Run no
   * other query on the engine until the iteration ends (DuckDB's stream
   * belongs to its connection).
   */
  stream<T = Record<string, unknown>>(
    sql: string,
    params?: readonly SqlParam[],
    batchRows?: number,
  ): AsyncIterable<T[]>;
  /** Runs a statement that returns nothing. */
  run(sql: string, params?: readonly SqlParam[]): Promise<void>;
  /**
   * Drops the temporary table `name` if there is one: never a permanent
   * table of that name, which a plain `DROP TABLE IF EXISTS` would find
   * through the search path on PostgreSQL when no temporary one exists.
   */
  dropTempTable(name: string): Promise<void>;
  /**
   * Makes the temporary table `name` (dropping an earlier temporary one)
   * from a query, `CREATE TEMP TABLE name AS sql`; on PostgreSQL its
   * statistics are gathered, as the planner otherwise guesses its size.
   */
  createTempTableAs(
    name: string,
    sql: string,
    params?: readonly SqlParam[],
  ): Promise<void>;
  /**
   * Creates (or replaces) a temporary table and fills it with rows, read
   * one at a time as they are sent: a generator's rows, or an async
   * generator's (a file read as it is uploaded, see scanSegmentsFile), are
   * never all in memory at once (see groupRows).
   */
  createTempTable(
    name: string,
    columns: readonly SqlColumn[],
    rows: Iterable<readonly SqlParam[]> | AsyncIterable<readonly SqlParam[]>,
  ): Promise<void>;
  stats(): EngineStats;
  close(): Promise<void>;
}

let temporaryTables = 0;

/**
 * A name for a temporary table no other call in this process has: for
 * tables a caller keeps a handle to (a scored table, a customer table),
 * which a later call must not replace under it.
 */
export function tempTableName(prefix: string): string {
  return `${prefix}_${++temporaryTables}`;
}
