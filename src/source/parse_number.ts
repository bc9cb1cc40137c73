/** Plain or thousands-grouped decimal, optional sign, `$` and exponent. */
export const NUMBER_PATTERN =
  /^[-+]?\$?(?:\d{1,3}(?:,\d{3})+|\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?$/;

/** Why a number too large for a double (`1e309`) is refused, as the error says it. */
export const NOT_FINITE = "is not a finite number";

/**
 * Why a number of 10^11 or more in magnitude is refused: amounts,
 * quantities and gallons are kept as exact decimals (see EXACT_NUMBER in
 * model/schema.ts), which hold less.
 */
export const TOO_LARGE =
  "is too large: numbers must be below 100,000,000,000 (10^11) in magnitude";

/**
 * Reads one number as the loader does: `1234.5`, `-3`, `1,234.50`, `$9.99`
 * or `1e3`. Returns `null` for anything else (including `NaN`, `Infinity`
 * and the empty string), and for a number written in that form but too
 * large for a double (`1e309`), which would be read as infinite.
 *
 * @example
 * ```ts
 * import { parseNumber } from "./parse_number.ts";
 * if (parseNumber("1,234.50") !== 1234.5) throw new Error();
 * if (parseNumber("12,5") !== null) throw new Error();
 * if (parseNumber("1e309") !== null) throw new Error();
 * ```
 */
export function parseNumber(text: string): number | null {
  const value = text.trim();
  if (!NUMBER_PATTERN.test(value) || !/\d/.test(value)) return null;
  const number = Number(value.replace(/[$,]/g, ""));
  return Number.isFinite(number) ? number : null;
}

/** The DuckDB expression that reads a VARCHAR column as {@linkcode parseNumber} does. */
export function numberSql(column: string): string {
  const read = trimmedNumberSql(`trim(${column})`);
  return `(CASE WHEN isfinite(${read}) THEN ${read} END)`;
}

/**
 * {@linkcode numberSql} for a value already trimmed, but with a number too
 * large for a double read as infinite (the loader refuses it with its own
 * message, {@linkcode NOT_FINITE}). Plain decimals
 * (`-12.5`), nearly every value in practice, take a short path: one simple
 * pattern and a cast, four times cheaper than the full pattern and the
 * replacements, with the same result.
 */
export function trimmedNumberSql(value: string): string {
  const v = value;
  return `(CASE WHEN regexp_full_match(${v}, '[-+]?[0-9]+(\\.[0-9]+)?') THEN TRY_CAST(${v} AS DOUBLE) WHEN regexp_full_match(${v}, '${NUMBER_PATTERN.source}') AND regexp_matches(${v}, '\\d') THEN TRY_CAST(replace(replace(${v}, '$', ''), ',', '') AS DOUBLE) END)`;
}
