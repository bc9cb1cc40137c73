import { type ColumnMapping, resolveMapping } from "../column_mapping.ts";
import { convertFields } from "../convert_fields.ts";
import { InputError } from "../../model/input_error.ts";
import { mappedFields, salesSelect } from "./mapped_fields.ts";
import { loadTypedCsv } from "./typed_csv.ts";
import { stageCsv } from "../stage_csv.ts";
import { csvLayout } from "./detect_layout.ts";
import type { LayoutContext, LayoutLoad } from "./layout_load.ts";

/**
 * Reads a sales CSV through a column mapping: `map` when given, else the
 * store-sales layout's or Basket's own (see csvLayout). Without an amount,
 * a line's amount is its quantity × unit price; without a category, it is
 * "Uncategorised". Throws an InputError pointing to `--map` when the
 * header matches no layout.
 */
export async function loadMappedCsv(
  ctx: LayoutContext,
  file: string,
  map: ColumnMapping | undefined,
): Promise<LayoutLoad> {
  const typed = await loadTypedCsv(ctx, file, map);
  if (typed) return typed;
  const staged = await stageCsv(ctx.connection, file, "raw_sales", {
    what: "sales",
    onBadRows: ctx.onBadRows,
    encoding: ctx.encoding,
    header: ctx.header,
    delimiter: ctx.delimiter,
  });
  const layout = csvLayout(staged.headers, map);
  if (!layout) {
    throw new InputError({
      what: "sales",
      file,
      row: 1,
      problem: `the columns ${
        staged.headers.map((h) => JSON.stringify(h)).join(", ")
      } match no layout Basket knows; map them with --map field=Column (see docs/data.md)`,
    });
  }
  const resolved = resolveMapping(staged.headers, layout.mapping, file, {
    header: ctx.header ?? true,
  });
  const fields = mappedFields(resolved);
  const ok = await convertFields(ctx.connection, staged, fields, {
    onBadRows: ctx.onBadRows,
    dateOrder: ctx.dateFormat,
  });
  const select = salesSelect(resolved);
  await ctx.connection.run(
    `INSERT INTO sales SELECT ${select.join(", ")} FROM ${ok.table}${
      ok.ordered ? "" : " ORDER BY __row"
    }`,
  );
  return {
    kind: layout.kind,
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
