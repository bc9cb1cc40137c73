import type { FilterState } from "./filter_state.ts";

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
  /**
   * The page's list filter this column's values are choices of: each value
   * is then a link that filters the page by it, as a chart's bar does (see
   * chart_filter.ts).
   */
  filter?: "segment" | "cluster";
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
 * What starts a formula in a spreadsheet: a text cell that begins with one of
 * these is neutralised with a leading apostrophe, as OWASP advises against CSV
 * injection.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV cell's text: money to the cent, whole numbers whole, other numbers
 * to 6 decimals (no float noise such as `0.30000000000000004`), empty for a
 * missing or non-finite value, text that would start a formula neutralised.
 *
 * @example
 * ```ts
 * import { csvCell } from "./table_spec.ts";
 * if (csvCell(34375.91000000002, "money") !== "34375.91") throw new Error();
 * if (csvCell(0.1 + 0.2, "percent") !== "0.3") throw new Error();
 * if (csvCell("=HYPERLINK(1)", "text") !== "'=HYPERLINK(1)") throw new Error();
 * if (csvCell(-12.5, "money") !== "-12.50") throw new Error();
 * ```
 */
export function csvCell(value: unknown, kind: ColumnKind): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return "";
    if (kind === "money") {
      const cents = Math.round(value * 100) / 100;
      return (Object.is(cents, -0) ? 0 : cents).toFixed(2);
    }
    if (kind === "integer") return String(Math.round(value));
    const rounded = Number(value.toFixed(6));
    return String(Object.is(rounded, -0) ? 0 : rounded);
  }
  const text = String(value);
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** Quotes a CSV field (RFC 4180) when it holds a comma, quote or line break. */
function quoted(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * Writes a table as CSV (RFC 4180, CRLF line ends): the column labels as
 * header, a money column's naming the currency when given (`Net sales
 * (EUR)`), then one line a row with each value as {@linkcode csvCell}
 * writes it (plain numbers, whatever the report's locale), fields quoted
 * when needed.
 *
 * @example
 * ```ts
 * import { tableCsv } from "./table_spec.ts";
 * const csv = tableCsv({ id: "t", title: "T", rows: [{ store: 'A, "B"', total: 1.5 }],
 *   columns: [{ key: "store", label: "Store", kind: "text" }, { key: "total", label: "Net sales", kind: "money" }] });
 * if (csv !== 'Store,Net sales\r\n"A, ""B""",1.50\r\n') throw new Error(csv);
 * const eur = tableCsv({ id: "t", title: "T", rows: [], columns: [{ key: "total", label: "Net sales", kind: "money" }] }, "EUR");
 * if (eur !== "Net sales (EUR)\r\n") throw new Error(eur);
 * ```
 */
export function tableCsv(table: TableSpec, currency?: string): string {
  const header = (c: TableColumn) =>
    currency && c.kind === "money" ? `${c.label} (${currency})` : c.label;
  const lines = [
    table.columns.map((c) => quoted(csvCell(header(c), "text"))).join(","),
  ];
  for (const row of table.rows) {
    lines.push(
      table.columns.map((c) => quoted(csvCell(row[c.key], c.kind))).join(","),
    );
  }
  return lines.join("\r\n") + "\r\n";
}

/**
 * The file name a table's CSV downloads under from the page: the table's id,
 * then each filter in force, so that two downloads of the same table under
 * different filters do not overwrite each other and say what they hold.
 *
 * @example
 * ```ts
 * import { csvFileName } from "./table_spec.ts";
 * const name = csvFileName("stores", { categories: ["Books"], from: "2025-01-01" });
 * if (name !== "stores_category-Books_from-2025-01-01.csv") throw new Error(name);
 * ```
 */
export function csvFileName(
  id: string,
  filter: FilterState,
): string {
  const parts = [id];
  for (const [field, key] of FILE_NAME_KEYS) {
    const value = filter[field];
    const values = typeof value === "string" ? [value] : value ?? [];
    if (values.length) parts.push(`${key}-${values.join("+")}`);
  }
  const name = parts.join("_").replace(/[^\p{L}\p{N}+._-]+/gu, "-");
  return `${name.slice(0, 200)}.csv`;
}

const FILE_NAME_KEYS = [
  ["categories", "category"],
  ["regions", "region"],
  ["stores", "store"],
  ["channels", "channel"],
  ["segments", "segment"],
  ["clusters", "cluster"],
  ["from", "from"],
  ["to", "to"],
] as const;
