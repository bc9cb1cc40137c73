import { convertFields, type FieldSpec } from "../convert_fields.ts";
import { CUSTOMER_COLUMNS } from "../../model/schema.ts";
import { stageCsv } from "../stage_csv.ts";
import type { LayoutContext, LayoutLoad } from "./layout_load.ts";
import { loadMappedCsv } from "./mapped_csv_layout.ts";
import { loadParquet, stageParquet } from "./parquet_layout.ts";
import { findHeader, requireHeaders } from "./require_headers.ts";

/**
 * Reads a folder in Basket's own layout: `sales.parquet` or `sales.csv`
 * (Parquet first), and `customers.parquet` or `customers.csv` when there is
 * one. `files` maps each file's lower-case name to its path.
 */
export async function loadBasketFolder(
  ctx: LayoutContext,
  files: ReadonlyMap<string, string>,
): Promise<LayoutLoad> {
  const salesFile = files.get("sales.parquet") ?? files.get("sales.csv")!;
  const customersFile = files.get("customers.parquet") ??
    files.get("customers.csv");
  const loaded = salesFile.toLowerCase().endsWith(".parquet")
    ? await loadParquet(ctx, salesFile)
    : await loadMappedCsv(ctx, salesFile, undefined);
  const read = [salesFile];
  if (customersFile) {
    await loadBasketCustomers(ctx, customersFile);
    read.push(customersFile);
  }
  return { ...loaded, kind: "basket", files: read };
}

/**
 * Reads customers in Basket's own columns, from Parquet (each column
 * checked, then cast to the data model's type) or from a CSV; either holds
 * `customer_id` and any of the other customer columns.
 */
export async function loadBasketCustomers(
  ctx: LayoutContext,
  file: string,
): Promise<void> {
  if (file.toLowerCase().endsWith(".parquet")) {
    const { columns } = await stageParquet(ctx.connection, file, {
      table: "raw_customers",
      what: "customers",
      columns: CUSTOMER_COLUMNS,
    });
    await ctx.connection.run(
      `INSERT INTO customers SELECT ${
        CUSTOMER_COLUMNS.map((c) =>
          columns.includes(c.name) ? `CAST(${c.name} AS ${c.type})` : "NULL"
        ).join(", ")
      } FROM raw_customers`,
    );
    return;
  }
  const staged = await stageCsv(ctx.connection, file, "raw_customer_rows", {
    what: "customers",
    onBadRows: ctx.onBadRows,
    encoding: ctx.encoding,
    delimiter: ctx.delimiter,
  });
  const h = requireHeaders(staged, ["customer_id"]);
  const fields: FieldSpec[] = CUSTOMER_COLUMNS.filter((c) =>
    findHeader(staged, c.name) !== undefined
  ).map((c) => ({
    name: c.name,
    column: c.name === "customer_id"
      ? h.customer_id
      : findHeader(staged, c.name)!,
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
