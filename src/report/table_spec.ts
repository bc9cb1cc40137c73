/** How a table column's values are shown. */
export type ColumnKind =
  | "text"
  | "money"
  | "integer"
  | "number"
  | "percent"
  | "change";

/** One column of a report table. */
export interface TableColumn {
  key: string;
  label: string;
  kind: ColumnKind;
}

/** A report table: what the page shows and what its CSV holds. */
export interface TableSpec {
  /** Stable id, also the CSV's file name (`<id>.csv`). */
  id: string;
  title: string;
  columns: TableColumn[];
  rows: Record<string, unknown>[];
  /** A sentence under the title, e.g. what filters do not change. */
  note?: string;
  /** Show folded (long tables). */
  folded?: boolean;
}

/**
 * Writes a table as CSV (RFC 4180): the column keys as header, raw values
 * (numbers unformatted, empty for null), fields quoted when needed.
 *
 * @example
 * ```ts
 * import { tableCsv } from "./table_spec.ts";
 * const csv = tableCsv({ id: "t", title: "T", rows: [{ store: 'A, "B"', total: 1.5 }],
 *   columns: [{ key: "store", label: "Store", kind: "text" }, { key: "total", label: "Total", kind: "money" }] });
 * if (csv !== 'store,total\r\n"A, ""B""",1.5\r\n') throw new Error(csv);
 * ```
 */
export function tableCsv(table: TableSpec): string {
  const field = (value: unknown) => {
    if (value === null || value === undefined) return "";
    const text = typeof value === "number" && !Number.isFinite(value)
      ? ""
      : String(value);
    return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  };
  const lines = [table.columns.map((c) => field(c.key)).join(",")];
  for (const row of table.rows) {
    lines.push(table.columns.map((c) => field(row[c.key])).join(","));
  }
  return lines.join("\r\n") + "\r\n";
}
