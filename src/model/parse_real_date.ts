import { isIsoDate } from "./calendar.ts";

/**
 * Reads a real calendar date written `YYYY-MM-DD`: `2025-02-30` is refused.
 * Basket's one date check for flags, environment variables, config keys and
 * notebook parameters. Throws a `RangeError` naming `from` and quoting the
 * value.
 *
 * @example
 * ```ts
 * import { parseRealDate } from "./parse_real_date.ts";
 * if (parseRealDate("2025-02-28", "--as-of") !== "2025-02-28") throw new Error();
 * ```
 */
export function parseRealDate(text: string, from: string): string {
  if (isIsoDate(text)) return text;
  throw new RangeError(
    `Cannot read ${from} ${
      JSON.stringify(text)
    }: expected a date as YYYY-MM-DD`,
  );
}
