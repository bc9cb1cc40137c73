import pg from "pg";
import {
  type EngineStats,
  type SqlColumn,
  type SqlEngine,
  type SqlParam,
  STREAM_BATCH,
} from "../sql_engine.ts";
import { sqlIdentifier } from "../../model/sql_string.ts";
import { postgresSql } from "./postgres_sql.ts";
import { readPgpass } from "./pgpass.ts";
import { redactedUrl } from "./pg_url.ts";

/** An error the server reported, with its SQLSTATE code (`42P01`: no such table). */
export class WarehouseError extends Error {
  override name = "WarehouseError";
  constructor(message: string, readonly code: string | null) {
    super(message);
  }
}

// Numbers as numbers (counts are bigint, sums of integers numeric), dates
// and times as the text the server sends (ISO, as the session asks).
const AS_NUMBER = new Set([20, 1700]);
const AS_TEXT = new Set([1082, 1114, 1184, 1083]);
const TYPES = {
  getTypeParser(oid: number, format?: string) {
    if (AS_NUMBER.has(oid)) return (text: string) => Number(text);
    if (AS_TEXT.has(oid)) return (text: string) => text;
    return pg.types.getTypeParser(oid, format as "text");
  },
};

/** A column of a query's result, with the kind of value its type holds. */
export interface ResultColumn {
  name: string;
  kind: "date" | "number" | "text" | "other";
  /** The server's name for the type (`text`, `numeric`, ...). */
  type: string;
}

/** The PostgreSQL engine, which can also say what columns a query returns. */
export interface PostgresEngine extends SqlEngine {
  /** The columns `sql` returns, without running it over any row. */
  describe(sql: string): Promise<ResultColumn[]>;
}

const KINDS: Record<number, [ResultColumn["kind"], string]> = {
  1082: ["date", "date"],
  1114: ["date", "timestamp"],
  1184: ["date", "timestamptz"],
  20: ["number", "bigint"],
  21: ["number", "smallint"],
  23: ["number", "integer"],
  700: ["number", "real"],
  701: ["number", "double precision"],
  1700: ["number", "numeric"],
  25: ["text", "text"],
  1043: ["text", "varchar"],
  1042: ["text", "char"],
  19: ["text", "name"],
  2950: ["text", "uuid"],
  16: ["other", "boolean"],
};

/** How many rows one INSERT of createTempTable carries. */
const INSERT_BATCH = 10_000;

/**
 * Connects to a PostgreSQL-protocol server (PostgreSQL, Citus, Redshift)
 * with the `pg` client. The URL's missing parts come from the standard
 * `PG*` variables, the password from the URL, `PGPASSWORD` or
 * `~/.pgpass`; none of it is ever printed. The session reads dates in ISO
 * form in UTC. Every byte the server sends is counted.
 */
export async function connectPostgres(url: string): Promise<PostgresEngine> {
  const shown = redactedUrl(url);
  const client = new pg.Client({ connectionString: url, types: TYPES });
  const parts = client as unknown as {
    password: string | null | (() => Promise<string | undefined>);
    connectionParameters: {
      host: string;
      port: number;
      database: string;
      user: string;
    };
  };
  // Neither the URL nor PGPASSWORD gave one: ~/.pgpass, read by Basket
  // (pg's own reading of it is deprecated).
  if (!parts.password) {
    parts.password = () => readPgpass(parts.connectionParameters);
  }
  client.on("error", () => {}); // A dropped connection fails the next query instead.
  let bytesReturned = 0;
  let queries = 0;
  let rowsReturned = 0;
  let largestResult = 0;
  let cursors = 0;
  let streaming = false;
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => {});
    // pg's words when it has no password to give.
    const message = /client password must be a string/.test(
        (error as Error).message,
      )
      ? "the server asks for a password and none was given (in the URL, PGPASSWORD or ~/.pgpass)"
      : (error as Error).message;
    throw new WarehouseError(
      `Cannot connect to the warehouse ${JSON.stringify(shown)}: ${message}`,
      (error as { code?: string }).code ?? null,
    );
  }
  (client as unknown as {
    connection: { stream: { on(e: "data", f: (b: Uint8Array) => void): void } };
  }).connection.stream.on("data", (chunk) => bytesReturned += chunk.length);
  const exec = async (sql: string, params: readonly SqlParam[] = []) => {
    try {
      return await client.query(postgresSql(sql), [...params]);
    } catch (error) {
      const e = error as { message: string; code?: string };
      throw new WarehouseError(
        `Cannot run a query on the warehouse ${
          JSON.stringify(shown)
        }: ${e.message}`,
        e.code ?? null,
      );
    }
  };
  await exec("SET DateStyle = 'ISO, YMD'");
  await exec("SET TimeZone = 'UTC'");
  const [{ server_version: version }] = (await exec("SHOW server_version"))
    .rows as { server_version: string }[];
  return {
    dialect: "postgres",
    async describe(sql) {
      const result = await exec(`SELECT * FROM (${sql}) AS probe LIMIT 0`);
      return result.fields.map((f: { name: string; dataTypeID: number }) => {
        const [kind, type] = KINDS[f.dataTypeID] ??
          ["other", `type ${f.dataTypeID}`];
        return { name: f.name, kind, type };
      });
    },
    async query<T>(sql: string, params?: readonly SqlParam[]) {
      const result = await exec(sql, params);
      queries++;
      rowsReturned += result.rows.length;
      largestResult = Math.max(largestResult, result.rows.length);
      return result.rows as T[];
    },
    async *stream<T>(
      sql: string,
      params: readonly SqlParam[] = [],
      batchRows = STREAM_BATCH,
    ) {
      // A cursor lives in a transaction of its own; one stream at a time,
      // as on DuckDB, whose stream belongs to its connection.
      if (streaming) {
        throw new Error(
          "Cannot open a stream while another is being read: finish it first",
        );
      }
      streaming = true;
      const name = `basket_cursor_${++cursors}`;
      let ended = false;
      try {
        await exec("BEGIN");
        await exec(`DECLARE ${name} NO SCROLL CURSOR FOR ${sql}`, params);
        queries++;
        let rows = 0;
        for (;;) {
          const batch = (await exec(`FETCH FORWARD ${batchRows} FROM ${name}`))
            .rows as T[];
          rows += batch.length;
          rowsReturned += batch.length;
          largestResult = Math.max(largestResult, rows);
          if (batch.length > 0) yield batch;
          if (batch.length < batchRows) break;
        }
        await exec(`CLOSE ${name}`);
        await exec("COMMIT");
        ended = true;
      } finally {
        streaming = false;
        // Stopped early or failed: the transaction goes, and the cursor with it.
        if (!ended) await client.query("ROLLBACK").catch(() => {});
      }
    },
    async run(sql, params) {
      await exec(sql, params);
    },
    async dropTempTable(name) {
      await exec(`DROP TABLE IF EXISTS pg_temp.${sqlIdentifier(name)}`);
    },
    async createTempTableAs(name, sql, params) {
      await exec(`DROP TABLE IF EXISTS pg_temp.${sqlIdentifier(name)}`);
      await exec(`CREATE TEMP TABLE ${sqlIdentifier(name)} AS ${sql}`, params);
      await exec(`ANALYZE ${sqlIdentifier(name)}`);
    },
    async createTempTable(name, columns, rows) {
      await exec(`DROP TABLE IF EXISTS pg_temp.${sqlIdentifier(name)}`);
      await exec(
        `CREATE TEMP TABLE ${sqlIdentifier(name)} (${
          columns.map((c) => `${sqlIdentifier(c.name)} ${pgType(c)}`).join(", ")
        })`,
      );
      // One array parameter a column: a batch is one statement whatever
      // its size. The rows are read a batch at a time, never all at once.
      const insert = `INSERT INTO ${sqlIdentifier(name)} SELECT * FROM unnest(${
        columns.map((c) => `?::${pgType(c, false)}[]`).join(", ")
      })`;
      let batch: SqlParam[][] = columns.map(() => []);
      for await (const row of rows) {
        batch.forEach((column, i) => column.push(row[i]));
        if (batch[0].length === INSERT_BATCH) {
          await exec(insert, batch as never);
          batch = columns.map(() => []);
        }
      }
      if (batch[0]?.length) await exec(insert, batch as never);
      // Temporary tables get no statistics unless asked: the planner then
      // guesses the size of a join with the lines.
      await exec(`ANALYZE ${sqlIdentifier(name)}`);
    },
    stats: (): EngineStats => ({
      engine: `PostgreSQL ${version.split(" ")[0]}`,
      queries,
      rowsReturned,
      largestResult,
      bytesReturned,
    }),
    async close() {
      await client.end();
    },
  };
}

/** Text columns sort byte by byte, as DuckDB's do, whatever the database's collation. */
function pgType(column: SqlColumn, collate = true): string {
  switch (column.type) {
    case "DOUBLE":
      return "double precision";
    case "INTEGER":
      return "integer";
    default:
      return collate ? 'text COLLATE "C"' : "text";
  }
}
