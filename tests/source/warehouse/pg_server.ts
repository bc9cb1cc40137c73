import pg from "pg";
import { type Dataset, queryRows } from "../../../src/source/dataset.ts";
import { CUSTOMER_COLUMNS, SALES_COLUMNS } from "../../../src/model/schema.ts";

/** A PostgreSQL server of a test's own: its URL and how to stop it. */
export interface TestServer {
  url: string;
  port: number;
  /** Runs SQL as the superuser (to create tables and roles). */
  sql(
    statement: string,
    params?: unknown[],
  ): Promise<Record<string, unknown>[]>;
  stop(): Promise<void>;
}

const BIN = (() => {
  for (const version of ["17", "16", "15", "14", "13"]) {
    const dir = `/usr/lib/postgresql/${version}/bin`;
    try {
      Deno.statSync(`${dir}/initdb`);
      return dir;
    } catch { /* next */ }
  }
  throw new Error(
    "Cannot find PostgreSQL's initdb: run scripts/ensure_test_deps.sh",
  );
})();

/** initdb and postgres refuse to run as root: run them as `postgres` then. */
async function asServerUser(args: string[]): Promise<void> {
  const root = Deno.uid() === 0;
  const command = new Deno.Command(root ? "runuser" : args[0], {
    args: root ? ["-u", "postgres", "--", ...args] : args.slice(1),
    stdout: "piped",
    stderr: "piped",
  });
  const { code, stdout, stderr } = await command.output();
  if (code !== 0) {
    const text = new TextDecoder().decode(stderr) ||
      new TextDecoder().decode(stdout);
    throw new Error(`${args.join(" ")} failed (${code}): ${text}`);
  }
}

/**
 * Starts a PostgreSQL server in a temporary folder, listening on a free
 * port of 127.0.0.1, with a superuser `basket` (trust authentication on
 * the loopback) and a database `shop`. Stop it when done.
 */
export async function startPostgres(
  options: {
    /** An ICU collation for the database (`en-US`): text then sorts by language, not by byte. */
    icu?: string;
    /** The superuser's password: connections over TCP must then give it (SCRAM). */
    password?: string;
  } = {},
): Promise<TestServer> {
  const dir = await Deno.makeTempDir({ prefix: "basket-pg-" });
  if (Deno.uid() === 0) {
    const id = Number(
      new TextDecoder().decode(
        (await new Deno.Command("id", { args: ["-u", "postgres"] }).output())
          .stdout,
      ),
    );
    await Deno.chown(dir, id, null);
  }
  await asServerUser([
    `${BIN}/initdb`,
    "-D",
    `${dir}/data`,
    "-U",
    "basket",
    ...(options.password
      ? [
        "--auth-local=trust",
        "--auth-host=scram-sha-256",
        `--pwfile=${await passwordFile(dir, options.password)}`,
      ]
      : ["--auth=trust"]),
    "-E",
    "UTF8",
    ...(options.icu
      ? [
        "--locale-provider=icu",
        `--icu-locale=${options.icu}`,
        "--locale=C.UTF-8",
      ]
      : ["--no-locale"]),
  ]);
  const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const port = (listener.addr as Deno.NetAddr).port;
  listener.close();
  await asServerUser([
    `${BIN}/pg_ctl`,
    "-D",
    `${dir}/data`,
    "-w",
    "-l",
    `${dir}/log`,
    "-o",
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`,
    "start",
  ]);
  const stopServer = async () => {
    await asServerUser([
      `${BIN}/pg_ctl`,
      "-D",
      `${dir}/data`,
      "-m",
      "immediate",
      "stop",
    ]);
    await Deno.remove(dir, { recursive: true });
  };
  const login = options.password
    ? `basket:${encodeURIComponent(options.password)}`
    : "basket";
  const client = new pg.Client({
    connectionString: `postgresql://${login}@127.0.0.1:${port}/shop`,
  });
  try {
    const admin = new pg.Client({
      connectionString: `postgresql://${login}@127.0.0.1:${port}/postgres`,
    });
    await admin.connect();
    await admin.query("CREATE DATABASE shop");
    await admin.end();
    await client.connect();
  } catch (error) {
    // A server that started is stopped, whatever failed after.
    await stopServer();
    throw error;
  }
  return {
    url: `postgresql://basket@127.0.0.1:${port}/shop`,
    port,
    sql: async (statement, params) =>
      (await client.query(statement, params)).rows,
    stop: async () => {
      await client.end().catch(() => {});
      await stopServer();
    },
  };
}

/** initdb's --pwfile, readable by the server's user. */
async function passwordFile(dir: string, password: string): Promise<string> {
  const file = `${dir}/pwfile`;
  await Deno.writeTextFile(file, `${password}\n`);
  if (Deno.uid() === 0) {
    const { uid } = await Deno.stat(dir);
    await Deno.chown(file, uid, null);
  }
  return file;
}

const PG_TYPES = {
  DATE: "date",
  VARCHAR: "text",
  DOUBLE: "double precision",
  "DECIMAL(18,4)": "numeric(18,4)",
};

/**
 * Copies a Dataset's `sales` and `customers` tables into plain tables of
 * the server, column for column, in batches.
 */
export async function copyDataset(
  server: TestServer,
  data: Dataset,
  names: { sales: string; customers: string },
): Promise<void> {
  for (
    const [table, columns, name] of [
      ["sales", SALES_COLUMNS, names.sales],
      ["customers", CUSTOMER_COLUMNS, names.customers],
    ] as const
  ) {
    await server.sql(
      `CREATE TABLE ${name} (${
        columns.map((c) => `${c.name} ${PG_TYPES[c.type]}`).join(", ")
      })`,
    );
    const rows = await queryRows<Record<string, unknown>>(
      data,
      `SELECT ${columns.map((c) => c.name).join(", ")} FROM ${table}`,
    );
    for (let start = 0; start < rows.length; start += 20_000) {
      const batch = rows.slice(start, start + 20_000);
      await server.sql(
        `INSERT INTO ${name} SELECT * FROM unnest(${
          columns.map((c, i) => `$${i + 1}::${PG_TYPES[c.type]}[]`).join(", ")
        })`,
        columns.map((c) => batch.map((row) => row[c.name])),
      );
    }
  }
}
