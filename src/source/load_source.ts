import type { DuckDBConnection } from "@duckdb/node-api";
import {
  type ColumnMapping,
  MAPPED_FIELDS,
  type MappedField,
  resolveMapping,
} from "./column_mapping.ts";
import { convertFields, type FieldSpec } from "./convert_fields.ts";
import { closeDataset, type Dataset, openDatabase } from "./dataset.ts";
import { InputError } from "../model/input_error.ts";
import { normaliseHeader } from "./normalise_header.ts";
import type { DateOrder } from "./parse_date.ts";
import { CUSTOMER_COLUMNS, SALES_COLUMNS } from "../model/schema.ts";
import { sqlIdentifier, sqlString } from "../model/sql_string.ts";
import { ensureRejectsTable, stageCsv, type StagedCsv } from "./stage_csv.ts";

/** The kinds of source Basket reads. */
export type SourceKind =
  | "simulated"
  | "three-file"
  | "basket"
  | "store-sales"
  | "mapped";

/** Options for {@linkcode loadSource}. */
export interface LoadSourceOptions {
  /** A folder (three-file schema, or `sales.csv` + `customers.csv`) or a CSV file. */
  path: string;
  /** `--map` column mapping for a sales CSV in any layout. */
  map?: ColumnMapping;
  /** Forces the order of `nn/nn/yyyy` dates. */
  dateFormat?: DateOrder;
  /** `fail` (default) stops at the first bad row; `skip` rejects it with a reason. */
  onBadRows?: "fail" | "skip";
}

/** Which source column fed which data-model field. */
export interface FieldSource {
  field: string;
  file: string;
  column: string;
}

/** What loading found, before any analysis. */
export interface LoadReport {
  kind: SourceKind;
  path: string | null;
  files: string[];
  /** Sale lines read from the file(s). */
  rowsRead: number;
  /** Rows (of any file) rejected with `--on-bad-rows=skip`. */
  rowsRejected: number;
  rejectReasons: { reason: string; count: number }[];
  /** Sale lines that repeat an earlier line exactly; they are kept. */
  duplicateLines: number;
  columns: FieldSource[];
  dateOrders: Record<string, DateOrder | "iso">;
}

/** A loaded source. */
export interface LoadedSource {
  dataset: Dataset;
  report: LoadReport;
}

/** The store-sales layout's columns and the fields they feed. */
export const STORE_SALES_LAYOUT: Readonly<ColumnMapping> = {
  store: "store_id",
  date: "sales_date",
  category: "product_category",
  department: "department",
  amount: "sales_amount",
  gallons: "gallons_sold",
  fuel_type: "fuel_type",
  fuel_price: "fuel_price",
};

const THREE_FILES = {
  transactions: "transactions.csv",
  categories: "prod_cat_info.csv",
  customers: "customer.csv",
};

/**
 * Reads a source into the data model: the three-file retail schema (a
 * folder with `Customer.csv`, `prod_cat_info.csv`, `Transactions.csv`), a
 * folder in Basket's own layout (`sales.csv` or `sales.parquet`, optional
 * `customers.csv`/`.parquet`), a store-sales CSV, or any sales CSV through a
 * column mapping. Bad input throws an InputError naming the file, row,
 * column and value, unless `onBadRows` is `skip`.
 */
export async function loadSource(
  options: LoadSourceOptions,
): Promise<LoadedSource> {
  const connection = await openDatabase();
  try {
    return await loadInto(connection, options);
  } catch (error) {
    closeDataset({ connection });
    throw error;
  }
}

async function loadInto(
  connection: DuckDBConnection,
  options: LoadSourceOptions,
): Promise<LoadedSource> {
  await ensureRejectsTable(connection);
  const onBadRows = options.onBadRows ?? "fail";
  const path = options.path;
  let stat: Deno.FileInfo;
  try {
    stat = await Deno.stat(path);
  } catch {
    throw new InputError({
      what: "data",
      file: path,
      problem: "does not exist",
    });
  }
  let partial:
    & Omit<
      LoadReport,
      "rowsRejected" | "rejectReasons" | "duplicateLines" | "kind" | "path"
    >
    & {
      kind: SourceKind;
      salesTable: string;
      salesColumns: string[];
    };
  const ctx = { connection, onBadRows, dateFormat: options.dateFormat };
  if (stat.isDirectory) {
    const entries = new Map<string, string>();
    for await (const entry of Deno.readDir(path)) {
      if (entry.isFile) {
        entries.set(
          entry.name.toLowerCase(),
          `${path.replace(/\/$/, "")}/${entry.name}`,
        );
      }
    }
    if (Object.values(THREE_FILES).every((name) => entries.has(name))) {
      partial = await loadThreeFile(ctx, {
        transactions: entries.get(THREE_FILES.transactions)!,
        categories: entries.get(THREE_FILES.categories)!,
        customers: entries.get(THREE_FILES.customers)!,
      });
    } else if (entries.has("sales.csv") || entries.has("sales.parquet")) {
      partial = await loadBasketFolder(ctx, entries);
    } else {
      throw new InputError({
        what: "data",
        file: path,
        problem:
          "holds neither the three-file retail schema (Customer.csv, prod_cat_info.csv, Transactions.csv) nor Basket's layout (sales.csv, customers.csv)",
      });
    }
  } else if (path.toLowerCase().endsWith(".parquet")) {
    partial = await loadBasketParquet(ctx, path, undefined);
  } else {
    partial = await loadSalesCsv(ctx, path, options.map);
  }
  const rejected = await connection.runAndReadAll(
    `SELECT reason, count(*)::INTEGER AS n FROM rejects GROUP BY reason ORDER BY n DESC, reason`,
  );
  const rejectReasons = rejected.getRowObjectsJS().map((r) => ({
    reason: String(r.reason).replace(/"[^"]*" (is not)/, "$1").replace(
      /: "[^"]*" /,
      ": ",
    ),
    count: Number(r.n),
  }));
  const grouped = new Map<string, number>();
  for (const r of rejectReasons) {
    grouped.set(r.reason, (grouped.get(r.reason) ?? 0) + r.count);
  }
  // Only the sales lines as read are needed from here on.
  await dropTemporary(connection, [
    partial.salesTable,
    `${partial.salesTable}__text`,
  ]);
  const duplicateLines = await countDuplicates(
    connection,
    partial.salesTable,
    partial.salesColumns,
  );
  const report: LoadReport = {
    kind: partial.kind,
    path,
    files: partial.files,
    rowsRead: partial.rowsRead,
    rowsRejected: rejectReasons.reduce((sum, r) => sum + r.count, 0),
    rejectReasons: [...grouped].map(([reason, count]) => ({ reason, count })),
    duplicateLines,
    columns: partial.columns,
    dateOrders: partial.dateOrders,
  };
  await dropTemporary(connection);
  const customers = await connection.runAndReadAll(
    `SELECT count(*)::INTEGER FROM customers`,
  );
  const dataset: Dataset = {
    connection,
    hasCustomers: Number(customers.getRows()[0][0]) > 0,
    source: `${partial.kind} ${path}`,
  };
  return { dataset, report };
}

/**
 * Drops the temporary views and tables a load made (staged text, lookups,
 * converted rows), so that only the data model's tables keep memory.
 */
async function dropTemporary(
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

interface Context {
  connection: DuckDBConnection;
  onBadRows: "fail" | "skip";
  dateFormat: DateOrder | undefined;
}

/**
 * Counts lines that exactly repeat an earlier line of `table`. Lines are
 * first grouped by a hash of all their values, which needs little memory;
 * only lines whose hash repeats are then compared value by value.
 */
export async function countDuplicates(
  connection: DuckDBConnection,
  table: string,
  columns: string[],
): Promise<number> {
  const list = columns.map(sqlIdentifier).join(", ");
  const reader = await connection.runAndReadAll(
    `WITH repeated AS (SELECT hash(${list}) AS h FROM ${table} GROUP BY h HAVING count(*) > 1)
     SELECT coalesce(sum(n - 1), 0)::INTEGER FROM (
       SELECT count(*) AS n FROM ${table} WHERE hash(${list}) IN (SELECT h FROM repeated)
       GROUP BY ${list} HAVING count(*) > 1)`,
  );
  return Number(reader.getRows()[0][0]);
}

function header(staged: StagedCsv, name: string): string | undefined {
  return staged.headers.find((h) => normaliseHeader(h) === name);
}

function requireHeaders(
  staged: StagedCsv,
  names: string[],
): Record<string, string> {
  const found: Record<string, string> = {};
  const missing = names.filter((name) => {
    const h = header(staged, name);
    if (h !== undefined) found[name] = h;
    return h === undefined;
  });
  if (missing.length) {
    throw new InputError({
      what: staged.what,
      file: staged.file,
      row: 1,
      problem: `the header lacks ${missing.length > 1 ? "columns" : "column"} ${
        missing.map((m) => JSON.stringify(m)).join(", ")
      }; it has ${staged.headers.map((h) => JSON.stringify(h)).join(", ")}`,
    });
  }
  return found;
}

async function loadThreeFile(
  ctx: Context,
  files: { transactions: string; categories: string; customers: string },
) {
  const { connection, onBadRows } = ctx;
  const cat = await stageCsv(connection, files.categories, "raw_categories", {
    what: "product categories",
    onBadRows,
  });
  const c = requireHeaders(cat, [
    "prod_cat_code",
    "prod_cat",
    "prod_sub_cat_code",
    "prod_subcat",
  ]);
  const catOk = await convertFields(connection, cat, [
    { name: "cat_code", column: c.prod_cat_code, kind: "text", required: true },
    { name: "category", column: c.prod_cat, kind: "text", required: true },
    {
      name: "sub_code",
      column: c.prod_sub_cat_code,
      kind: "text",
      required: true,
    },
    { name: "sub_category", column: c.prod_subcat, kind: "text" },
  ], { onBadRows });
  const cust = await stageCsv(connection, files.customers, "raw_customers", {
    what: "customers",
    onBadRows,
  });
  const k = requireHeaders(cust, ["customer_id", "dob", "gender", "city_code"]);
  const custOk = await convertFields(connection, cust, [
    {
      name: "customer_id",
      column: k.customer_id,
      kind: "text",
      required: true,
    },
    { name: "birth_date", column: k.dob, kind: "date" },
    { name: "gender", column: k.gender, kind: "text" },
    { name: "city_code", column: k.city_code, kind: "text" },
  ], { onBadRows, dateOrder: ctx.dateFormat });
  await connection.run(
    `INSERT INTO customers SELECT customer_id, birth_date, gender, CASE WHEN city_code IS NOT NULL THEN 'City ' || city_code END FROM ${custOk.table}`,
  );
  const tx = await stageCsv(
    connection,
    files.transactions,
    "raw_transactions",
    { what: "transactions", onBadRows },
  );
  const t = requireHeaders(tx, [
    "transaction_id",
    "cust_id",
    "tran_date",
    "prod_subcat_code",
    "prod_cat_code",
    "qty",
    "total_amt",
    "store_type",
  ]);
  const categoryFile = cat.file.split("/").pop();
  const txOk = await convertFields(connection, tx, [
    { name: "transaction_id", column: t.transaction_id, kind: "text" },
    { name: "customer_id", column: t.cust_id, kind: "text" },
    { name: "date", column: t.tran_date, kind: "date", required: true },
    {
      name: "cat_code",
      column: t.prod_cat_code,
      kind: "text",
      required: true,
      check: {
        badWhen: `$value NOT IN (SELECT cat_code FROM ${catOk.table})`,
        problem: `is not a category code in ${categoryFile}`,
      },
    },
    { name: "sub_code", column: t.prod_subcat_code, kind: "text" },
    { name: "quantity", column: t.qty, kind: "number" },
    { name: "amount", column: t.total_amt, kind: "number", required: true },
    { name: "channel", column: t.store_type, kind: "text" },
  ], { onBadRows, dateOrder: ctx.dateFormat });
  await connection.run(`
    INSERT INTO sales (date, store, city, region, channel, department, category, sub_category,
                       customer_id, transaction_id, quantity, amount)
    SELECT t.date, t.channel, NULL, cu.city, t.channel, NULL, cat.category, sub.sub_category,
           t.customer_id, t.transaction_id, t.quantity, t.amount
    FROM ${txOk.table} t
    LEFT JOIN (SELECT DISTINCT cat_code, category FROM ${catOk.table}) cat ON cat.cat_code = t.cat_code
    LEFT JOIN ${catOk.table} sub ON sub.cat_code = t.cat_code AND sub.sub_code = t.sub_code
    LEFT JOIN customers cu ON cu.customer_id = t.customer_id
    ORDER BY t.__row`);
  const txFile = tx.file;
  return {
    kind: "three-file" as const,
    files: [files.transactions, files.categories, files.customers],
    rowsRead: tx.rows,
    salesTable: tx.table,
    salesColumns: tx.headers,
    dateOrders: {
      [`${txFile}:${t.tran_date}`]: txOk.dateOrders.date,
      [`${cust.file}:${k.dob}`]: custOk.dateOrders.birth_date,
    },
    columns: [
      { field: "date", file: txFile, column: t.tran_date },
      { field: "store", file: txFile, column: t.store_type },
      {
        field: "region",
        file: cust.file,
        column: `${k.city_code} (the customer's city)`,
      },
      { field: "channel", file: txFile, column: t.store_type },
      {
        field: "category",
        file: cat.file,
        column: `${c.prod_cat} (by ${t.prod_cat_code})`,
      },
      {
        field: "sub_category",
        file: cat.file,
        column:
          `${c.prod_subcat} (by ${t.prod_cat_code}, ${t.prod_subcat_code})`,
      },
      { field: "customer_id", file: txFile, column: t.cust_id },
      { field: "transaction_id", file: txFile, column: t.transaction_id },
      { field: "quantity", file: txFile, column: t.qty },
      { field: "amount", file: txFile, column: t.total_amt },
    ],
  };
}

async function loadSalesCsv(
  ctx: Context,
  file: string,
  map: ColumnMapping | undefined,
) {
  const staged = await stageCsv(ctx.connection, file, "raw_sales", {
    what: "sales",
    onBadRows: ctx.onBadRows,
  });
  const normalised = new Set(staged.headers.map(normaliseHeader));
  let kind: SourceKind;
  let mapping: ColumnMapping;
  if (map && Object.keys(map).length) {
    kind = "mapped";
    mapping = map;
  } else if (
    Object.values(STORE_SALES_LAYOUT).every((c) => normalised.has(c!))
  ) {
    kind = "store-sales";
    mapping = { ...STORE_SALES_LAYOUT };
  } else if (["date", "category", "amount"].every((c) => normalised.has(c))) {
    kind = "basket";
    mapping = Object.fromEntries(
      SALES_COLUMNS.filter((c) => normalised.has(c.name)).map((
        c,
      ) => [c.name, c.name]),
    );
  } else {
    throw new InputError({
      what: "sales",
      file,
      row: 1,
      problem: `the columns ${
        staged.headers.map((h) => JSON.stringify(h)).join(", ")
      } match no layout Basket knows; map them with --map field=Column (see docs/data.md)`,
    });
  }
  const resolved = resolveMapping(staged.headers, mapping, file);
  const fields: FieldSpec[] =
    (Object.entries(resolved) as [MappedField, string][]).map((
      [field, column],
    ) => ({
      name: field,
      column,
      kind: MAPPED_FIELDS[field],
      required: field === "date" || field === "amount" ||
        (!resolved.amount && (field === "quantity" || field === "unit_price")),
    }));
  const ok = await convertFields(ctx.connection, staged, fields, {
    onBadRows: ctx.onBadRows,
    dateOrder: ctx.dateFormat,
  });
  const has = (f: MappedField) => f in resolved;
  const select = SALES_COLUMNS.map((c) => {
    if (c.name === "amount") {
      return has("amount") ? "amount" : "quantity * unit_price";
    }
    if (c.name === "category") {
      return has("category")
        ? "coalesce(category, 'Uncategorised')"
        : "'Uncategorised'";
    }
    return has(c.name as MappedField) ? sqlIdentifier(c.name) : "NULL";
  });
  await ctx.connection.run(
    `INSERT INTO sales SELECT ${select.join(", ")} FROM ${ok.table}${
      ok.ordered ? "" : " ORDER BY __row"
    }`,
  );
  return {
    kind,
    files: [file],
    rowsRead: staged.rows,
    salesTable: staged.table,
    salesColumns: staged.headers,
    dateOrders: { [`${file}:${resolved.date}`]: ok.dateOrders.date },
    columns: Object.entries(resolved).map(([field, column]) => ({
      field,
      file,
      column: column!,
    })),
  };
}

async function loadBasketFolder(ctx: Context, entries: Map<string, string>) {
  const salesFile = entries.get("sales.parquet") ?? entries.get("sales.csv")!;
  const customersFile = entries.get("customers.parquet") ??
    entries.get("customers.csv");
  if (salesFile.toLowerCase().endsWith(".parquet")) {
    return await loadBasketParquet(ctx, salesFile, customersFile);
  }
  const loaded = await loadSalesCsv(ctx, salesFile, undefined);
  const files = [salesFile];
  if (customersFile) {
    await loadCustomers(ctx, customersFile);
    files.push(customersFile);
  }
  return { ...loaded, kind: "basket" as const, files };
}

async function loadCustomers(ctx: Context, file: string): Promise<void> {
  if (file.toLowerCase().endsWith(".parquet")) {
    await ctx.connection.run(
      `INSERT INTO customers SELECT ${
        CUSTOMER_COLUMNS.map((c) => `CAST(${c.name} AS ${c.type})`).join(", ")
      } FROM read_parquet(${sqlString(file)})`,
    );
    return;
  }
  const staged = await stageCsv(ctx.connection, file, "raw_customer_rows", {
    what: "customers",
    onBadRows: ctx.onBadRows,
  });
  const h = requireHeaders(staged, ["customer_id"]);
  const fields: FieldSpec[] = CUSTOMER_COLUMNS.filter((c) =>
    header(staged, c.name) !== undefined
  ).map((c) => ({
    name: c.name,
    column: c.name === "customer_id" ? h.customer_id : header(staged, c.name)!,
    kind: c.type === "DATE" ? "date" : "text",
    required: c.required,
  }));
  const ok = await convertFields(ctx.connection, staged, fields, {
    onBadRows: ctx.onBadRows,
    dateOrder: ctx.dateFormat,
  });
  const present = new Set(fields.map((f) => f.name));
  await ctx.connection.run(
    `INSERT INTO customers SELECT ${
      CUSTOMER_COLUMNS.map((c) => present.has(c.name) ? c.name : "NULL").join(
        ", ",
      )
    } FROM ${ok.table}`,
  );
}

async function loadBasketParquet(
  ctx: Context,
  salesFile: string,
  customersFile: string | undefined,
) {
  const { connection } = ctx;
  try {
    await connection.run(
      `CREATE OR REPLACE TEMP TABLE raw_sales AS SELECT * FROM read_parquet(${
        sqlString(salesFile)
      })`,
    );
  } catch (error) {
    throw new InputError({
      what: "sales",
      file: salesFile,
      problem: `is not a readable Parquet file: ${
        (error as Error).message.split("\n")[0]
      }`,
    });
  }
  const columns =
    (await connection.runAndReadAll(`SELECT * FROM raw_sales LIMIT 0`))
      .columnNames();
  const missing = SALES_COLUMNS.filter((c) =>
    c.required && !columns.includes(c.name)
  );
  if (missing.length) {
    throw new InputError({
      what: "sales",
      file: salesFile,
      problem: `lacks ${missing.map((c) => JSON.stringify(c.name)).join(", ")}`,
    });
  }
  const bad = await connection.runAndReadAll(
    `SELECT row_number() OVER () AS r, * FROM raw_sales QUALIFY ${
      SALES_COLUMNS.filter((c) => c.required).map((c) => `${c.name} IS NULL`)
        .join(" OR ")
    } LIMIT 1`,
  );
  const first = bad.getRowObjectsJS()[0];
  if (first) {
    const column = SALES_COLUMNS.find((c) =>
      c.required && first[c.name] === null
    )!.name;
    throw new InputError({
      what: "sales",
      file: salesFile,
      row: Number(first.r),
      column,
      value: "",
      problem: "is empty",
    });
  }
  await connection.run(
    `INSERT INTO sales SELECT ${
      SALES_COLUMNS.map((c) =>
        columns.includes(c.name) ? `CAST(${c.name} AS ${c.type})` : "NULL"
      ).join(", ")
    } FROM raw_sales`,
  );
  const files = [salesFile];
  if (customersFile) {
    await loadCustomers(ctx, customersFile);
    files.push(customersFile);
  }
  const rows = Number(
    (await connection.runAndReadAll(`SELECT count(*) FROM raw_sales`))
      .getRows()[0][0],
  );
  return {
    kind: "basket" as const,
    files,
    rowsRead: rows,
    salesTable: "raw_sales",
    salesColumns: columns,
    dateOrders: {},
    columns: SALES_COLUMNS.filter((c) => columns.includes(c.name)).map((c) => ({
      field: c.name,
      file: salesFile,
      column: c.name,
    })),
  };
}
