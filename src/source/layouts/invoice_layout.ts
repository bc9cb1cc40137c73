import type { ColumnMapping, MappedField } from "../column_mapping.ts";
import { normaliseHeader } from "../normalise_header.ts";

/**
 * The invoice-line layout of online retailers (the UCI "Online Retail"
 * files and their like): for each field, the header names that feed it,
 * normalised (see normaliseHeader). The first five are required; the
 * others feed their field when present.
 */
export const INVOICE_LAYOUT: Readonly<
  Partial<Record<MappedField, readonly string[]>>
> = {
  transaction_id: ["invoiceno", "invoice", "invoice_no"],
  product: ["stockcode", "stock_code"],
  quantity: ["quantity"],
  date: ["invoicedate", "invoice_date"],
  unit_price: ["unitprice", "unit_price", "price"],
  product_name: ["description"],
  customer_id: ["customerid", "customer_id"],
  region: ["country"],
};

const REQUIRED: readonly MappedField[] = [
  "transaction_id",
  "product",
  "quantity",
  "date",
  "unit_price",
];

/**
 * The mapping of an invoice-line CSV's headers to fields (headers as they
 * stand in the file), or null when the header lacks one of the invoice
 * number, stock code, quantity, invoice date and unit price.
 *
 * @example
 * ```ts
 * import { invoiceMapping } from "./invoice_layout.ts";
 * const map = invoiceMapping(["InvoiceNo", "StockCode", "Description", "Quantity",
 *   "InvoiceDate", "UnitPrice", "CustomerID", "Country"]);
 * if (map?.product !== "StockCode" || map.product_name !== "Description") throw new Error();
 * if (invoiceMapping(["Date", "Category", "Amount"]) !== null) throw new Error();
 * ```
 */
export function invoiceMapping(
  headers: readonly string[],
): ColumnMapping | null {
  const mapping: ColumnMapping = {};
  for (
    const [field, names] of Object.entries(INVOICE_LAYOUT) as [
      MappedField,
      readonly string[],
    ][]
  ) {
    const found = headers.find((h) => names.includes(normaliseHeader(h)));
    if (found !== undefined) mapping[field] = found;
  }
  return REQUIRED.every((f) => mapping[f] !== undefined) ? mapping : null;
}
