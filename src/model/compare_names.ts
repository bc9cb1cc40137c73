/**
 * Orders names as people read them: runs of digits compare as numbers, so
 * "City 2" comes before "City 10" and "S9" before "S10"; otherwise by code
 * point, which does not depend on the locale. Every sorted list of names in
 * the analyses and charts uses it.
 *
 * @example
 * ```ts
 * import { compareNames } from "./compare_names.ts";
 * const names = ["City 10", "City 2", "(none)", "City 1"].sort(compareNames);
 * if (names.join() !== "(none),City 1,City 2,City 10") throw new Error(names.join());
 * ```
 */
export function compareNames(a: string, b: string): number {
  const left = a.match(CHUNKS) ?? [];
  const right = b.match(CHUNKS) ?? [];
  for (let i = 0; i < Math.min(left.length, right.length); i++) {
    const x = left[i];
    const y = right[i];
    if (DIGITS.test(x) && DIGITS.test(y)) {
      const difference = Number(x) - Number(y);
      if (difference !== 0) return difference;
    }
    if (x !== y) return x < y ? -1 : 1;
  }
  return left.length - right.length || (a < b ? -1 : a > b ? 1 : 0);
}

const CHUNKS = /\d+|\D+/g;
const DIGITS = /^\d/;
