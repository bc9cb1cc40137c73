import {
  type ColumnSpec,
  type Customer,
  PRODUCT_COLUMNS,
  type SaleLine,
  SALES_COLUMNS,
} from "../model/schema.ts";

/**
 * The columns of a simulated sales file: the data model's, but the product
 * columns, since the simulated chain sells categories and sub-categories,
 * not named products.
 */
export const SIMULATED_SALES_COLUMNS: readonly ColumnSpec[] = SALES_COLUMNS
  .filter((c) => !PRODUCT_COLUMNS.includes(c.name));

/** A value of a CSV field: `null` is written as an empty field. */
export type CsvValue = string | number | null | undefined;

const NEEDS_QUOTES = /[",\r\n]/;

/**
 * Formats one CSV record (RFC 4180) with a trailing newline. A field is
 * quoted when it holds a comma, quote or line break, or is the empty string
 * (so that it differs from a missing value, which is written empty).
 * Numbers are written in JavaScript's shortest round-trip form.
 *
 * @example
 * ```ts
 * import { formatCsvRow } from "./format_csv.ts";
 * const row = formatCsvRow(["a,b", 'say "hi"', null, 12.5, ""]);
 * if (row !== '"a,b","say ""hi""",,12.5,""\n') throw new Error(row);
 * ```
 */
export function formatCsvRow(values: readonly CsvValue[]): string {
  let row = "";
  for (let i = 0; i < values.length; i++) {
    if (i > 0) row += ",";
    row += csvField(values[i]);
  }
  return row + "\n";
}

/** Formats one CSV field (see {@linkcode formatCsvRow}). */
export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") {
    if (!Number.isFinite(value)) {
      throw new RangeError(`Cannot write ${value} to CSV: not a finite number`);
    }
    return String(value);
  }
  return value === "" || NEEDS_QUOTES.test(value)
    ? `"${value.replaceAll('"', '""')}"`
    : value;
}

/**
 * One sale line as a CSV record, its fields in `SIMULATED_SALES_COLUMNS` order:
 * the same text as `formatCsvRow` of those columns, written out by hand
 * because it runs for every one of millions of lines.
 */
export function saleLineCsv(l: SaleLine): string {
  return `${csvField(l.date)},${csvField(l.store)},${csvField(l.city)},${
    csvField(l.region)
  },${csvField(l.channel)},${csvField(l.department)},${csvField(l.category)},${
    csvField(l.sub_category)
  },${csvField(l.customer_id)},${csvField(l.transaction_id)},${
    csvField(l.quantity)
  },${csvField(l.amount)},${csvField(l.gallons)},${csvField(l.fuel_type)},${
    csvField(l.fuel_price)
  }\n`;
}

/** One customer as a CSV record, its fields in `CUSTOMER_COLUMNS` order. */
export function customerCsv(c: Customer): string {
  return `${csvField(c.customer_id)},${csvField(c.birth_date)},${
    csvField(c.gender)
  },${csvField(c.city)}\n`;
}
