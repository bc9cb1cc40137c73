/**
 * How a date like `03/04/2024` is read: day first (`dmy`, 3 April) or month
 * first (`mdy`, 4 March). ISO dates (`2024-04-03`) are always year first.
 */
export type DateOrder = "dmy" | "mdy";

/** ISO `yyyy-mm-dd`, optionally followed by a time. */
export const ISO_DATE =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z?)?$/;
/** `dd-mm-yyyy`, `dd/mm/yyyy` or `dd.mm.yyyy` (or month first), optionally with a time. */
export const NUMERIC_DATE =
  /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?: \d{1,2}:\d{2}(?::\d{2})?)?$/;

/**
 * Reads one date as the loader does: ISO, or `dd-mm-yyyy` / `dd/mm/yyyy`
 * (`mm/dd/yyyy` when `order` is `"mdy"`), with an optional time that is
 * ignored. Returns `YYYY-MM-DD`, or `null` when the text is not a real date.
 *
 * @example
 * ```ts
 * import { parseDate } from "./parse_date.ts";
 * if (parseDate("28-02-2014", "dmy") !== "2014-02-28") throw new Error();
 * if (parseDate("31-02-2014", "dmy") !== null) throw new Error();
 * ```
 */
export function parseDate(text: string, order: DateOrder): string | null {
  const value = text.trim();
  let year: number, month: number, day: number;
  const iso = ISO_DATE.exec(value);
  if (iso) {
    [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  } else {
    const numeric = NUMERIC_DATE.exec(value);
    if (!numeric) return null;
    const [first, second] = [Number(numeric[1]), Number(numeric[2])];
    year = Number(numeric[3]);
    [day, month] = order === "dmy" ? [first, second] : [second, first];
  }
  if (month < 1 || month > 12 || day < 1) return null;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > last) return null;
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${
    String(day).padStart(2, "0")
  }`;
}

/**
 * The DuckDB expression that reads a VARCHAR column exactly as
 * {@linkcode parseDate} does (NULL where parseDate gives null).
 */
export function dateSql(column: string, order: DateOrder): string {
  const v = `trim(${column})`;
  const [d, m] = order === "dmy" ? [1, 2] : [2, 1];
  const numeric = NUMERIC_DATE.source.replaceAll("'", "''");
  const iso = ISO_DATE.source.replaceAll("'", "''");
  const make = (y: string, mo: string, da: string) =>
    `CASE WHEN ${mo} BETWEEN 1 AND 12 AND ${da} >= 1 AND ${da} <= day(last_day(make_date(${y}, ${mo}, 1))) THEN make_date(${y}, ${mo}, ${da}) END`;
  const part = (re: string, i: number) =>
    `TRY_CAST(regexp_extract(${v}, '${re}', ${i}) AS INTEGER)`;
  return `(CASE WHEN regexp_full_match(${v}, '${iso}') THEN ${
    make(part(iso, 1), part(iso, 2), part(iso, 3))
  } WHEN regexp_full_match(${v}, '${numeric}') THEN ${
    make(part(numeric, 3), part(numeric, m), part(numeric, d))
  } END)`;
}
