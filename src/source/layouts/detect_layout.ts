import type { ColumnMapping } from "../column_mapping.ts";
import type { SourceKind } from "../load_report.ts";
import { normaliseHeader } from "../normalise_header.ts";
import { SALES_COLUMNS } from "../../model/schema.ts";
import { STORE_SALES_LAYOUT } from "./store_sales_layout.ts";
import { THREE_FILES } from "./three_file_layout.ts";
import { invoiceMapping } from "./invoice_layout.ts";

/**
 * The layout of a folder from the names of its files, in any case: the
 * three-file retail schema when it holds all three files, Basket's own
 * when it holds `sales.csv` or `sales.parquet`, null otherwise.
 *
 * @example
 * ```ts
 * import { folderLayout } from "./detect_layout.ts";
 * const layout = folderLayout(["Customer.csv", "prod_cat_info.csv", "Transactions.csv"]);
 * if (layout !== "three-file") throw new Error(String(layout));
 * ```
 */
export function folderLayout(
  names: Iterable<string>,
): "three-file" | "basket" | null {
  const files = new Set([...names].map((name) => name.toLowerCase()));
  if (Object.values(THREE_FILES).every((name) => files.has(name))) {
    return "three-file";
  }
  if (files.has("sales.csv") || files.has("sales.parquet")) return "basket";
  return null;
}

/** A sales CSV's layout and the mapping of its columns to fields. */
export interface CsvLayout {
  kind: Extract<SourceKind, "mapped" | "store-sales" | "basket" | "invoice">;
  mapping: ColumnMapping;
}

/**
 * The layout of a sales CSV from its header: the `--map` mapping when one
 * is given; else the store-sales layout when the header holds all its
 * columns; else Basket's own when it holds `date`, `category` and `amount`
 * (each data-model column it holds feeds its field, and a `Product ID`
 * column feeds `product`); else the invoice-line layout when it holds an
 * invoice number, stock code, quantity, invoice date and unit price (see
 * invoiceMapping); else null. Headers match in any case or spacing (see
 * normaliseHeader).
 *
 * @example
 * ```ts
 * import { csvLayout } from "./detect_layout.ts";
 * const layout = csvLayout(["Date", "Category", "Amount", "Note"]);
 * if (layout?.kind !== "basket") throw new Error(JSON.stringify(layout));
 * if (Object.keys(layout.mapping).join() !== "date,category,amount") throw new Error("wrong mapping");
 * ```
 */
export function csvLayout(
  headers: readonly string[],
  map?: ColumnMapping,
): CsvLayout | null {
  const normalised = new Set(headers.map(normaliseHeader));
  if (map && Object.keys(map).length) return { kind: "mapped", mapping: map };
  if (Object.values(STORE_SALES_LAYOUT).every((c) => normalised.has(c!))) {
    return { kind: "store-sales", mapping: { ...STORE_SALES_LAYOUT } };
  }
  if (["date", "category", "amount"].every((c) => normalised.has(c))) {
    const mapping: ColumnMapping = Object.fromEntries(
      SALES_COLUMNS.filter((c) => normalised.has(c.name)).map((
        c,
      ) => [c.name, c.name]),
    );
    if (!mapping.product && normalised.has("product_id")) {
      mapping.product = "product_id";
    }
    return { kind: "basket", mapping };
  }
  const invoice = invoiceMapping(headers);
  return invoice ? { kind: "invoice", mapping: invoice } : null;
}
