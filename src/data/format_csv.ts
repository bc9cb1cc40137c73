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
    const value = values[i];
    if (value === null || value === undefined) continue;
    if (typeof value === "number") {
      if (!Number.isFinite(value)) {
        throw new RangeError(
          `Cannot write ${value} to CSV: not a finite number`,
        );
      }
      row += String(value);
    } else if (value === "" || NEEDS_QUOTES.test(value)) {
      row += `"${value.replaceAll('"', '""')}"`;
    } else row += value;
  }
  return row + "\n";
}
