import { parseRealDate } from "../../model/parse_real_date.ts";
import {
  parseWholeNumber,
  type WholeNumberBounds,
} from "../../model/parse_whole_number.ts";
import { parseDuration } from "./parse_duration.ts";

/**
 * The checks options declare as their `parse`: each reads text, names where
 * it came from in its error, and gives the value.
 *
 * @module
 */

/** A whole number within `bounds` (default: 0 or more). */
export function wholeNumber(
  bounds: WholeNumberBounds = {},
): (text: string, from: string) => number {
  return (text, from) => parseWholeNumber(text, from, bounds);
}

/** A real calendar date, `YYYY-MM-DD` (2025-02-30 is refused). */
export function realDate(text: string, from: string): string {
  return parseRealDate(text, from);
}

/** One of a few words. */
export function oneOf<T extends string>(
  ...allowed: T[]
): (text: string, from: string) => T {
  return (text, from) => {
    if ((allowed as string[]).includes(text)) return text as T;
    throw new RangeError(
      `Cannot read ${from} ${JSON.stringify(text)}: expected ${
        allowed.map((a) => JSON.stringify(a)).join(" or ")
      }`,
    );
  };
}

/** A duration (`30m`, `12h`, `7d`, `604800s`), in seconds. */
export function duration(text: string, from: string): number {
  try {
    return parseDuration(text);
  } catch {
    throw new RangeError(
      `Cannot read ${from} ${
        JSON.stringify(text)
      }: expected a whole number with s, m, h, d or w, like "30m", "12h", "7d" or "604800s"`,
    );
  }
}

/** Text that is not empty. */
export function nonEmpty(text: string, from: string): string {
  if (text.trim() === "") {
    throw new RangeError(`Cannot read ${from}: it is empty`);
  }
  return text;
}

/**
 * A rate from 0 to below 1: a decimal (`0.01`) or a percentage (`1%`).
 *
 * @example
 * ```ts
 * import { rate } from "./validators.ts";
 * if (rate("1.5%", "--discount-rate") !== 0.015 || rate("0.01", "--discount-rate") !== 0.01) throw new Error();
 * ```
 */
export function rate(text: string, from: string): number {
  const match = text.trim().match(/^(\d+(?:\.\d+)?|\.\d+)(%?)$/);
  const value = match ? Number(match[1]) / (match[2] ? 100 : 1) : NaN;
  if (value >= 0 && value < 1) return value;
  throw new RangeError(
    `Cannot read ${from} ${
      JSON.stringify(text)
    }: expected a rate from 0 to below 1, as a decimal or a percentage, like 0.01 or 1%`,
  );
}
