/**
 * How a date like `03/04/2024` is read: day first (`dmy`, 3 April) or month
 * first (`mdy`, 4 March). ISO dates (`2024-04-03`) are always year first.
 */
export type DateOrder = "dmy" | "mdy";

/** ISO `yyyy-mm-dd`, optionally followed by a time. */
export const ISO_DATE =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z?)?$/;
/** `yyyymmdd`: eight digits, year first, as many exports and CDNOW write dates. */
export const COMPACT_DATE = /^(\d{4})(\d{2})(\d{2})$/;
/**
 * `dd-mm-yyyy`, `dd/mm/yyyy` or `dd.mm.yyyy` (or month first), the year in
 * four digits or two (`12/1/10 8:26`, as Excel writes it; see
 * {@linkcode fullYear}), optionally with a time. The year always comes last.
 */
export const NUMERIC_DATE =
  /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})(?: \d{1,2}:\d{2}(?::\d{2})?)?$/;

/**
 * The first two-digit year read as 19xx; below it, 20xx. Excel's rule:
 * `00`–`29` are 2000–2029, `30`–`99` are 1930–1999.
 */
export const CENTURY_PIVOT = 30;

/**
 * The dates Basket reads, first and last, inclusive. A date outside them is
 * a bad value, not a date of sale or of birth: `0001-01-01` or `9999-12-31`
 * are placeholders, and one would stretch every daily series over centuries.
 * Fixed rather than relative to today, so that a file reads the same on
 * every day.
 */
export const DATE_RANGE = { first: "1900-01-01", last: "2099-12-31" } as const;

/** Why a date outside {@linkcode DATE_RANGE} is refused, as the error says it. */
export const IMPLAUSIBLE_DATE =
  `is not a plausible date: Basket reads ${DATE_RANGE.first} to ${DATE_RANGE.last}`;

/**
 * A year as written in a numeric date: four digits as they are, two digits
 * by Excel's century rule ({@linkcode CENTURY_PIVOT}).
 *
 * @example
 * ```ts
 * import { fullYear } from "./parse_date.ts";
 * if (fullYear("10") !== 2010 || fullYear("30") !== 1930) throw new Error();
 * if (fullYear("0010") !== 10) throw new Error();
 * ```
 */
export function fullYear(text: string): number {
  const year = Number(text);
  if (text.length !== 2) return year;
  return year < CENTURY_PIVOT ? 2000 + year : 1900 + year;
}

/**
 * Reads one date as the loader does: ISO, `yyyymmdd` (eight digits, year
 * first: `ddmmyyyy` never makes a real month, so it cannot be misread), or
 * `dd-mm-yyyy` / `dd/mm/yyyy`
 * (`mm/dd/yyyy` when `order` is `"mdy"`; the year may have two digits),
 * with an optional time that is ignored. Returns `YYYY-MM-DD`, or `null`
 * when the text is not a real date. Whether the date is plausible is
 * {@linkcode isPlausibleDate}'s question.
 *
 * @example
 * ```ts
 * import { parseDate } from "./parse_date.ts";
 * if (parseDate("28-02-2014", "dmy") !== "2014-02-28") throw new Error();
 * if (parseDate("12/1/10 8:26", "mdy") !== "2010-12-01") throw new Error();
 * if (parseDate("19970101", "mdy") !== "1997-01-01") throw new Error();
 * if (parseDate("31-02-2014", "dmy") !== null) throw new Error();
 * ```
 */
export function parseDate(text: string, order: DateOrder): string | null {
  const value = text.trim();
  let year: number, month: number, day: number;
  const iso = ISO_DATE.exec(value) ?? COMPACT_DATE.exec(value);
  if (iso) {
    [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  } else {
    const numeric = NUMERIC_DATE.exec(value);
    if (!numeric) return null;
    const [first, second] = [Number(numeric[1]), Number(numeric[2])];
    year = fullYear(numeric[3]);
    [day, month] = order === "dmy" ? [first, second] : [second, first];
  }
  if (month < 1 || month > 12 || day < 1) return null;
  // setUTCFullYear, unlike Date.UTC, does not read years 0–99 as 19xx.
  const last = new Date(0);
  last.setUTCFullYear(year, month, 0);
  if (day > last.getUTCDate()) return null;
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${
    String(day).padStart(2, "0")
  }`;
}

/**
 * Whether a date (`YYYY-MM-DD`) lies within {@linkcode DATE_RANGE}.
 *
 * @example
 * ```ts
 * import { isPlausibleDate } from "./parse_date.ts";
 * if (!isPlausibleDate("2014-02-28")) throw new Error();
 * if (isPlausibleDate("0001-01-01")) throw new Error();
 * ```
 */
export function isPlausibleDate(date: string): boolean {
  return date >= DATE_RANGE.first && date <= DATE_RANGE.last;
}

/**
 * The DuckDB expression that is true where a DATE expression lies within
 * {@linkcode DATE_RANGE}, as {@linkcode isPlausibleDate} says (NULL for NULL).
 */
export function plausibleDateSql(date: string): string {
  return `(${date} BETWEEN DATE '${DATE_RANGE.first}' AND DATE '${DATE_RANGE.last}')`;
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
  const compact = COMPACT_DATE.source;
  const make = (y: string, mo: string, da: string) =>
    `CASE WHEN ${mo} BETWEEN 1 AND 12 AND ${da} >= 1 AND ${da} <= day(last_day(make_date(${y}, ${mo}, 1))) THEN make_date(${y}, ${mo}, ${da}) END`;
  const text = (re: string, i: number) => `regexp_extract(${v}, '${re}', ${i})`;
  const part = (re: string, i: number) => `TRY_CAST(${text(re, i)} AS INTEGER)`;
  const year = `(CASE WHEN length(${text(numeric, 3)}) = 2 THEN ${
    part(numeric, 3)
  } + CASE WHEN ${
    part(numeric, 3)
  } < ${CENTURY_PIVOT} THEN 2000 ELSE 1900 END ELSE ${part(numeric, 3)} END)`;
  return `(CASE WHEN regexp_full_match(${v}, '${iso}') THEN ${
    make(part(iso, 1), part(iso, 2), part(iso, 3))
  } WHEN regexp_full_match(${v}, '${compact}') THEN ${
    make(part(compact, 1), part(compact, 2), part(compact, 3))
  } WHEN regexp_full_match(${v}, '${numeric}') THEN ${
    make(year, part(numeric, m), part(numeric, d))
  } END)`;
}
