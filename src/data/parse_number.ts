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
  const v = `trim(${column})`;
  return `(CASE WHEN regexp_full_match(${v}, '${NUMBER_PATTERN.source}') AND regexp_matches(${v}, '\\d') THEN TRY_CAST(replace(replace(${v}, '$', ''), ',', '') AS DOUBLE) END)`;
}
