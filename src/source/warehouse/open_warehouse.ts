import type { DuckDBConnection } from "@duckdb/node-api";
import type { ColumnMapping } from "../column_mapping.ts";
import type { Dataset } from "../dataset.ts";
import type { LoadedSource } from "../load_report.ts";
import { InputError } from "../../model/input_error.ts";
import { sqlIdentifier } from "../../model/sql_string.ts";
import {
  EXACT_LIMIT,
  EXACT_NUMBER,
  SALES_COLUMNS,
} from "../../model/schema.ts";
import { TOO_LARGE } from "../parse_number.ts";
import {
  connectPostgres,
  type PostgresEngine,
  WarehouseError,
} from "./pg_engine.ts";
import { redactedUrl } from "./pg_url.ts";
import {
  salesSelect,
  type WarehouseField,
  warehouseFields,
  type WarehouseRelation,
  warehouseRelation,
} from "./warehouse_columns.ts";

/** Options for {@linkcode openWarehouse}. */
export interface OpenWarehouseOptions {
  /** `postgresql://user@host:port/db`. */
  url: string;
  /** The table of sale lines, `name` or `schema.name`; or else `query`. */
  table?: string;
  /** A SELECT whose rows are the sale lines. */
  query?: string;
  /** A table of customers in the data model's columns (customer_id, birth_date, gender, city). */
  customersTable?: string;
  map?: ColumnMapping;
  /** How to connect; tests pass their own. */
  connect?: (url: string) => Promise<PostgresEngine>;
}

/** What a warehouse error's SQLSTATE means for the table it read. */
const PROBLEMS: Record<string, string> = {
  "42P01": "does not exist",
  "42501":
    "cannot be read: permission denied (see docs/warehouse.md for the role to grant)",
  "3F000": "does not exist: no such schema",
};

/**
 * Opens a table (or query) of sale lines in a PostgreSQL-protocol
 * warehouse as a Dataset whose queries all run there: two temporary views,
 * `sales` and `customers`, put the warehouse's columns in the data
 * model's shape, and every analysis reads them in place. Nothing is copied
 * out. Bad input stops with an InputError naming the table, the column
 * and a sample key, as a bad file's does.
 */
export async function openWarehouse(
  options: OpenWarehouseOptions,
): Promise<LoadedSource> {
  const shown = redactedUrl(options.url);
  if ((options.table === undefined) === (options.query === undefined)) {
    throw new InputError({
      what: "warehouse",
      file: shown,
      problem:
        'name the sale lines with either --table NAME or --query "SELECT ..."',
    });
  }
  let engine: PostgresEngine;
  try {
    engine = await (options.connect ?? connectPostgres)(options.url);
  } catch (error) {
    if (!(error instanceof WarehouseError)) throw error;
    throw new InputError({
      what: "warehouse",
      file: shown,
      problem: error.message.replace(
        /^Cannot connect to the warehouse "[^"]*": /,
        "cannot connect: ",
      ),
    });
  }
  try {
    const relation = warehouseRelation(options);
    const columns = await readable(
      relation,
      () => engine.describe(`SELECT * FROM ${relation.sql}`),
    );
    const fields = warehouseFields(relation, columns, options.map);
    await engine.run(
      `CREATE OR REPLACE TEMP VIEW sales AS SELECT\n  ${
        salesSelect(fields)
      }\nFROM ${relation.sql}`,
    );
    const lines = await checkLines(engine, relation, fields);
    const customers = await customersView(engine, options.customersTable);
    const dataset: Dataset = {
      connection: NO_CONNECTION,
      engine,
      hasCustomers: customers > 0,
      source: `warehouse ${shown} ${relation.what.split(" ")[1]} ${
        JSON.stringify(relation.label)
      }`,
    };
    return {
      dataset,
      report: {
        kind: "warehouse",
        path: shown,
        files: [relation.label],
        encodings: [],
        rowsRead: lines,
        rowsRejected: 0,
        rejectReasons: [],
        duplicateLines: await duplicateLines(engine),
        lookups: [],
        columns: fields.map((f) => ({
          field: f.field,
          file: relation.label,
          column: f.column.name,
        })),
        dateOrders: {},
      },
    };
  } catch (error) {
    await engine.close().catch(() => {});
    throw error;
  }
}

/** Runs `read`, turning "no such table" and "permission denied" into an InputError. */
async function readable<T>(
  relation: WarehouseRelation,
  read: () => Promise<T>,
): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (!(error instanceof WarehouseError)) throw error;
    const problem = (error.code && PROBLEMS[error.code]) ??
      error.message.replace(
        /^Cannot run a query on the warehouse "[^"]*": /,
        "",
      );
    throw new InputError({
      what: relation.what,
      file: relation.label,
      problem,
    });
  }
}

/**
 * Counts the lines and stops at a NULL where a value is needed (the date,
 * the amount or what it is computed from), naming the column and the key
 * of a line that has it. One pass over the table.
 */
async function checkLines(
  engine: PostgresEngine,
  relation: WarehouseRelation,
  fields: readonly WarehouseField[],
): Promise<number> {
  const required = fields.filter((f) =>
    f.field === "date" || f.field === "amount" ||
    (!fields.some((x) => x.field === "amount") &&
      (f.field === "quantity" || f.field === "unit_price"))
  );
  const key = fields.find((f) => f.field === "transaction_id") ??
    fields.find((f) => f.field === "customer_id") ??
    fields.find((f) => f.field === "store");
  const keySql = key
    ? `CAST(${sqlIdentifier(key.column.name)} AS TEXT)`
    : "NULL";
  const nulls = required.map((f, i) => {
    const missing = `${sqlIdentifier(f.column.name)} IS NULL`;
    return `count(*) FILTER (WHERE ${missing}) AS n${i}, min(${keySql}) FILTER (WHERE ${missing}) AS k${i}`;
  });
  // Amounts, quantities and gallons are read as NUMERIC(18,4), as DuckDB
  // reads them: a magnitude past EXACT_LIMIT stops here, as in a file.
  const exact = fields.filter((f) =>
    SALES_COLUMNS.some((c) => c.name === f.field && c.type === EXACT_NUMBER)
  );
  const large = exact.map((f, i) => {
    const over = `abs(${sqlIdentifier(f.column.name)}) >= ${EXACT_LIMIT}`;
    return `count(*) FILTER (WHERE ${over}) AS x${i}, min(${keySql}) FILTER (WHERE ${over}) AS y${i}`;
  });
  const checks = [...nulls, ...large];
  const [row] = await readable(
    relation,
    () =>
      engine.query<Record<string, unknown>>(
        `SELECT count(*) AS lines${checks.length ? ", " : ""}${
          checks.join(", ")
        } FROM ${relation.sql}`,
      ),
  );
  exact.forEach((f, i) => {
    const count = Number(row[`x${i}`]);
    if (count === 0) return;
    const sample = row[`y${i}`];
    throw new InputError({
      what: relation.what,
      file: relation.label,
      column: f.column.name,
      problem: `${TOO_LARGE}, on ${count} ${count === 1 ? "line" : "lines"}${
        key && sample !== null
          ? `, for example ${key.column.name} ${JSON.stringify(sample)}`
          : ""
      }`,
    });
  });
  required.forEach((f, i) => {
    const count = Number(row[`n${i}`]);
    if (count === 0) return;
    const sample = row[`k${i}`];
    throw new InputError({
      what: relation.what,
      file: relation.label,
      column: f.column.name,
      problem: `is NULL on ${count} ${
        count === 1 ? "line" : "lines"
      }, where ${f.field} is needed${
        key
          ? sample === null
            ? ` (their ${key.column.name} is NULL too)`
            : `, for example ${key.column.name} ${JSON.stringify(sample)}`
          : ""
      }`,
    });
  });
  const lines = Number(row.lines);
  if (lines === 0) {
    throw new InputError({
      what: relation.what,
      file: relation.label,
      problem: "has no sale line",
    });
  }
  return lines;
}

/**
 * The `customers` view: the given table's customer_id, birth_date, gender
 * and city (the ones it has), else an empty view. Returns its row count.
 */
async function customersView(
  engine: PostgresEngine,
  table: string | undefined,
): Promise<number> {
  const select: Record<string, string> = {
    customer_id: 'CAST(NULL AS TEXT) COLLATE "C"',
    birth_date: "CAST(NULL AS DATE)",
    gender: 'CAST(NULL AS TEXT) COLLATE "C"',
    city: 'CAST(NULL AS TEXT) COLLATE "C"',
  };
  let from = " WHERE false";
  if (table !== undefined) {
    const relation: WarehouseRelation = {
      what: "customers table",
      label: table,
      sql: table.split(".").map(sqlIdentifier).join("."),
    };
    const columns = await readable(
      relation,
      () => engine.describe(`SELECT * FROM ${relation.sql}`),
    );
    for (const name of Object.keys(select)) {
      const column = columns.find((c) => c.name.toLowerCase() === name);
      if (!column) {
        if (name !== "customer_id") continue;
        throw new InputError({
          what: relation.what,
          file: table,
          column: name,
          problem: `is not in the table; its columns are ${
            columns.map((c) => JSON.stringify(c.name)).join(", ")
          }`,
        });
      }
      if (name === "birth_date" && column.kind !== "date") {
        throw new InputError({
          what: relation.what,
          file: table,
          column: column.name,
          problem:
            `is of type ${column.type}, which cannot hold a birth date: a date column is needed`,
        });
      }
      select[name] = name === "birth_date"
        ? `CAST(${sqlIdentifier(column.name)} AS DATE)`
        : `CAST(${sqlIdentifier(column.name)} AS TEXT) COLLATE "C"`;
    }
    from = ` FROM ${relation.sql}`;
  }
  await engine.run(
    `CREATE OR REPLACE TEMP VIEW customers AS SELECT ${
      Object.entries(select).map(([name, expr]) => `${expr} AS ${name}`).join(
        ", ",
      )
    }${from}`,
  );
  const [{ n }] = await engine.query<{ n: number }>(
    "SELECT count(*) AS n FROM customers",
  );
  return n;
}

/** Sale lines that repeat an earlier line in every column of the data model. */
async function duplicateLines(engine: PostgresEngine): Promise<number> {
  const [{ n }] = await engine.query<{ n: number }>(
    `SELECT coalesce(sum(n - 1), 0) AS n FROM (
       SELECT count(*) AS n FROM sales
       GROUP BY date, store, city, region, channel, department, category, sub_category,
         customer_id, transaction_id, quantity, amount, gallons, fuel_type, fuel_price
       HAVING count(*) > 1) AS repeats`,
  );
  return n;
}

/**
 * A warehouse Dataset has no DuckDB connection: every query goes to its
 * engine. Any code that still reaches for one stops here, loudly, rather
 * than read an empty database.
 */
const NO_CONNECTION = new Proxy({}, {
  get(_target, property) {
    throw new Error(
      `A warehouse source has no DuckDB connection (reached for ${
        String(property)
      }): run the query through its engine`,
    );
  },
}) as DuckDBConnection;
