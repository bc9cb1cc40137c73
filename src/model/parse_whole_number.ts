/** Bounds for {@linkcode parseWholeNumber}. */
export interface WholeNumberBounds {
  /** The least value accepted; default 0. `-Infinity` accepts any integer. */
  min?: number;
  /** The greatest value accepted; default none. */
  max?: number;
  /** What the number counts, named in the message (`seconds`, `runs`). */
  unit?: string;
}

/**
 * Reads a whole number written in digits (`12`, `10_000`, `-7` when `min`
 * allows it), or a JSON number. Basket's one whole-number check: flags,
 * environment variables, config keys and notebook parameters all go through
 * it. Throws a `RangeError` naming `from` and quoting the value.
 *
 * @example
 * ```ts
 * import { parseWholeNumber } from "./parse_whole_number.ts";
 * if (parseWholeNumber("10_000", "--lines") !== 10000) throw new Error();
 * ```
 */
export function parseWholeNumber(
  value: string | number,
  from: string,
  bounds: WholeNumberBounds = {},
): number {
  const { min = 0, max = Infinity, unit } = bounds;
  const text = String(value);
  const digits = typeof value === "number"
    ? value
    : /^-?\d+(_\d+)*$/.test(text.trim())
    ? Number(text.trim().replaceAll("_", ""))
    : NaN;
  if (Number.isSafeInteger(digits) && digits >= min && digits <= max) {
    return digits;
  }
  const what = unit ? `a whole number of ${unit}` : "a whole number";
  const range = max < Infinity
    ? `${unit ? "," : ""} from ${min} to ${max}`
    : min > -Infinity
    ? `${unit ? "," : " of"} ${min} or more`
    : "";
  throw new RangeError(
    `Cannot read ${from} ${JSON.stringify(text)}: expected ${what}${range}`,
  );
}
