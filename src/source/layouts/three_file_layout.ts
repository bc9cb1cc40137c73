import { convertFields } from "../convert_fields.ts";
import { stageCsv } from "../stage_csv.ts";
import type { LayoutContext, LayoutLoad } from "./layout_load.ts";
import { requireHeaders } from "./require_headers.ts";
import { uniqueLookup } from "../lookup_table.ts";
import { UNKNOWN_LABEL } from "../../model/none_label.ts";

/** The files of the three-file retail schema, by role, as lower-case names. */
export const THREE_FILES = {
  transactions: "transactions.csv",
  categories: "prod_cat_info.csv",
  customers: "customer.csv",
} as const;

/** The paths of the three-file retail schema's files. */
export type ThreeFilePaths = Record<keyof typeof THREE_FILES, string>;

/**
 * Reads the three-file retail schema: product categories
 * (`prod_cat_info.csv`), customers (`Customer.csv`) and transactions
 * (`Transactions.csv`), whose category codes must be ones the categories
 * file defines. A sale line's region is its customer's city.
 */
export async function loadThreeFile(
  ctx: LayoutContext,
  files: ThreeFilePaths,
): Promise<LayoutLoad> {
  const { connection, onBadRows } = ctx;
  const cat = await stageCsv(connection, files.categories, "raw_categories", {
    what: "product categories",
    onBadRows,
    encoding: ctx.encoding,
    delimiter: ctx.delimiter,
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
  const subLookup = await uniqueLookup(connection, {
    table: catOk.table,
    file: cat.file,
    what: cat.what,
    key: [
      { name: "cat_code", column: c.prod_cat_code },
      { name: "sub_code", column: c.prod_sub_cat_code },
    ],
    values: [
      { name: "category", column: c.prod_cat },
      { name: "sub_category", column: c.prod_subcat },
    ],
  });
  // A category code has one name: checked over the unique rows, whose
  // repeats per code are the code's sub-categories, not repeated rows.
  const catLookup = await uniqueLookup(connection, {
    table:
      `(SELECT cat_code, category, min(__row) AS __row FROM ${subLookup.table} GROUP BY ALL)`,
    name: "raw_category_names",
    file: cat.file,
    what: cat.what,
    key: [{ name: "cat_code", column: c.prod_cat_code }],
    values: [{ name: "category", column: c.prod_cat }],
  });
  const cust = await stageCsv(connection, files.customers, "raw_customers", {
    what: "customers",
    onBadRows,
    encoding: ctx.encoding,
    delimiter: ctx.delimiter,
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
  const custLookup = await uniqueLookup(connection, {
    table: custOk.table,
    file: cust.file,
    what: cust.what,
    key: [{ name: "customer_id", column: k.customer_id }],
    values: [
      { name: "birth_date", column: k.dob },
      { name: "gender", column: k.gender },
      { name: "city_code", column: k.city_code },
    ],
  });
  await connection.run(
    `INSERT INTO customers SELECT customer_id, birth_date, gender, CASE WHEN city_code IS NOT NULL THEN 'City ' || city_code END FROM ${custLookup.table} ORDER BY __row`,
  );
  const tx = await stageCsv(
    connection,
    files.transactions,
    "raw_transactions",
    {
      what: "transactions",
      onBadRows,
      encoding: ctx.encoding,
      delimiter: ctx.delimiter,
    },
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
        badWhen: `$value NOT IN (SELECT cat_code FROM ${catLookup.table})`,
        problem: `is not a category code in ${categoryFile}`,
      },
    },
    { name: "sub_code", column: t.prod_subcat_code, kind: "text" },
    { name: "quantity", column: t.qty, kind: "number" },
    { name: "amount", column: t.total_amt, kind: "number", required: true },
    { name: "channel", column: t.store_type, kind: "text" },
  ], { onBadRows, dateOrder: ctx.dateFormat });
  // Every lookup is unique by its key, so each transaction line gives
  // exactly one sale line. A line whose customer or sub-category its lookup
  // lacks is kept, labelled unknown, and counted.
  await connection.run(`
    INSERT INTO sales (date, store, city, region, channel, department, category, sub_category,
                       customer_id, transaction_id, quantity, amount)
    SELECT t.date, t.channel, NULL,
           CASE WHEN t.customer_id IS NOT NULL AND cu.customer_id IS NULL
                THEN '${UNKNOWN_LABEL}' ELSE cu.city END,
           t.channel, NULL, cat.category,
           CASE WHEN t.sub_code IS NOT NULL AND sub.sub_code IS NULL
                THEN '${UNKNOWN_LABEL}' ELSE sub.sub_category END,
           t.customer_id, t.transaction_id, t.quantity, t.amount
    FROM ${txOk.table} t
    LEFT JOIN ${catLookup.table} cat ON cat.cat_code = t.cat_code
    LEFT JOIN ${subLookup.table} sub ON sub.cat_code = t.cat_code AND sub.sub_code = t.sub_code
    LEFT JOIN customers cu ON cu.customer_id = t.customer_id
    ORDER BY t.__row`);
  const counts = (await connection.runAndReadAll(
    `SELECT (SELECT count(*) FROM ${txOk.table})::INTEGER AS lines_in,
       (SELECT count(*) FROM sales)::INTEGER AS lines_out,
       (SELECT count(*) FROM ${txOk.table} t WHERE t.customer_id IS NOT NULL
          AND t.customer_id NOT IN (SELECT customer_id FROM customers))::INTEGER AS no_customer,
       (SELECT count(*) FROM ${txOk.table} t WHERE t.sub_code IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM ${subLookup.table} s
                          WHERE s.cat_code = t.cat_code AND s.sub_code = t.sub_code))::INTEGER AS no_sub`,
  )).getRowObjectsJS()[0];
  if (counts.lines_in !== counts.lines_out) {
    throw new Error(
      `Joining the lookups changed the number of sale lines from ${counts.lines_in} to ${counts.lines_out}`,
    );
  }
  const txFile = tx.file;
  return {
    kind: "three-file" as const,
    lookups: [
      {
        what: cat.what,
        file: cat.file,
        repeatedRows: subLookup.repeatedRows,
        unmatchedLines: Number(counts.no_sub),
        field: "sub_category",
      },
      {
        what: cust.what,
        file: cust.file,
        repeatedRows: custLookup.repeatedRows,
        unmatchedLines: Number(counts.no_customer),
        field: "region",
      },
    ],
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
