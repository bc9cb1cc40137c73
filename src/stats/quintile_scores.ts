/**
 * How equal values are scored:
 * - `"quantile"` (value quantiles): cut points at the 20th, 40th, 60th and 80th
 *   percentiles of the values (linear interpolation, as numpy and pandas
 *   compute them); a value scores 1 plus the number of cut points strictly
 *   below it. Equal values always share a score; when many values are equal
 *   (frequency often is), some scores stay unused.
 * - `"rank"` (rank order): values are ordered, ties broken by key, and the
 *   i-th of n (from 0) scores `1 + floor(5 * i / n)`. Every score is used
 *   about equally often, but equal values can get different scores.
 */
export type TiePolicy = "quantile" | "rank";

/** Options for {@linkcode quintileScores}. */
export interface QuintileScoresOptions {
  /** How equal values are scored. Default `"quantile"`. */
  ties?: TiePolicy;
  /** Score low values high (recency: the most recent buyer scores 5). */
  reverse?: boolean;
  /**
   * Tie-breakers for `"rank"`, one per value: equal values are ordered by
   * key, ascending. Without keys, by position.
   */
  keys?: readonly string[];
}

/** The quantiles the four cut points are at. */
export const QUINTILE_CUTS = [0.2, 0.4, 0.6, 0.8] as const;

/**
 * Scores values 1 to 5 by quintile (5 = highest value, or lowest with
 * `reverse`), with an explicit tie policy (see {@linkcode TiePolicy}).
 * With `reverse`, values are negated before scoring, so both policies treat
 * low and high ends alike.
 *
 * @example
 * ```ts
 * import { quintileScores } from "./quintile_scores.ts";
 * const scores = quintileScores([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
 * if (scores.join() !== "1,1,2,2,3,3,4,4,5,5") throw new Error(scores.join());
 * const recency = quintileScores([3, 30, 300], { reverse: true });
 * if (recency.join() !== "5,3,1") throw new Error(recency.join());
 * ```
 */
export function quintileScores(
  values: ArrayLike<number>,
  options: QuintileScoresOptions = {},
): number[] {
  const { ties = "quantile", reverse = false, keys } = options;
  if (keys && keys.length !== values.length) {
    throw new RangeError(
      `Cannot score ${values.length} values: got ${keys.length} tie-break keys`,
    );
  }
  const signed = Float64Array.from(values, (v) => reverse ? -v : v);
  const n = signed.length;
  if (n === 0) return [];
  if (ties === "quantile") {
    const sorted = signed.slice().sort();
    const cuts = QUINTILE_CUTS.map((q) => linearQuantile(sorted, q));
    return Array.from(signed, (v) => {
      let score = 1;
      for (const cut of cuts) if (cut < v) score++;
      return score;
    });
  }
  if (ties !== "rank") {
    throw new RangeError(
      `Cannot score values: unknown tie policy ${JSON.stringify(ties)}`,
    );
  }
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) =>
    signed[a] - signed[b] ||
    (keys ? compareKeys(keys[a], keys[b]) : 0) ||
    a - b
  );
  const scores = new Array<number>(n);
  order.forEach((index, position) => {
    scores[index] = 1 + Math.floor((5 * position) / n);
  });
  return scores;
}

function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The q-quantile of ascending values by linear interpolation, computed
 * exactly as numpy's default method does, so that cut points agree bit for
 * bit with pandas and numpy.
 */
export function linearQuantile(sorted: ArrayLike<number>, q: number): number {
  const { previous, next, gamma } = quantilePosition(sorted.length, q);
  return interpolate(sorted[previous], sorted[next], gamma);
}

/**
 * Where the q-quantile of n sorted values lies, as numpy's default method
 * places it: between the values at `previous` and `next`, `gamma` of the
 * way (see {@linkcode interpolate}).
 */
export function quantilePosition(
  n: number,
  q: number,
): { previous: number; next: number; gamma: number } {
  const virtual = (n - 1) * q;
  const previous = Math.floor(virtual);
  return {
    previous,
    next: Math.min(previous + 1, n - 1),
    gamma: virtual - previous,
  };
}

/** The value `gamma` of the way from `a` to `b`, rounded as numpy rounds it. */
export function interpolate(a: number, b: number, gamma: number): number {
  const diff = b - a;
  return gamma >= 0.5 ? b - diff * (1 - gamma) : a + diff * gamma;
}
