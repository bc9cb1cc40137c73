/** An inclusive range of scores, `[low, high]`, within 1 to 5. */
export type ScoreRange = readonly [low: number, high: number];

/** One named segment: the rectangle of the recency × frequency grid it covers. */
export interface RfmSegmentRule {
  segment: string;
  recency: ScoreRange;
  frequency: ScoreRange;
}

/**
 * A segment map: named rectangles of the 5 × 5 recency × frequency score
 * grid that together cover every cell exactly once. Its order is the order
 * segments are listed in tables and charts.
 */
export type RfmSegmentMap = readonly RfmSegmentRule[];

/**
 * The standard recency × frequency grid (R = rows, F = columns):
 *
 * | R \ F | 1              | 2                   | 3                   | 4               | 5               |
 * | ----- | -------------- | ------------------- | ------------------- | --------------- | --------------- |
 * | 5     | New Customers  | Potential Loyalists | Potential Loyalists | Champions       | Champions       |
 * | 4     | Promising      | Potential Loyalists | Potential Loyalists | Loyal Customers | Loyal Customers |
 * | 3     | About to Sleep | About to Sleep      | Need Attention      | Loyal Customers | Loyal Customers |
 * | 2     | Hibernating    | Hibernating         | At Risk             | At Risk         | Can't Lose Them |
 * | 1     | Lost           | Lost                | At Risk             | At Risk         | Can't Lose Them |
 */
export const DEFAULT_SEGMENT_MAP: RfmSegmentMap = [
  { segment: "Champions", recency: [5, 5], frequency: [4, 5] },
  { segment: "Loyal Customers", recency: [3, 4], frequency: [4, 5] },
  { segment: "Potential Loyalists", recency: [4, 5], frequency: [2, 3] },
  { segment: "New Customers", recency: [5, 5], frequency: [1, 1] },
  { segment: "Promising", recency: [4, 4], frequency: [1, 1] },
  { segment: "Need Attention", recency: [3, 3], frequency: [3, 3] },
  { segment: "About to Sleep", recency: [3, 3], frequency: [1, 2] },
  { segment: "At Risk", recency: [1, 2], frequency: [3, 4] },
  { segment: "Can't Lose Them", recency: [1, 2], frequency: [5, 5] },
  { segment: "Hibernating", recency: [2, 2], frequency: [1, 2] },
  { segment: "Lost", recency: [1, 1], frequency: [1, 2] },
];

/** Whether a rule covers the cell (recency score `r`, frequency score `f`). */
export function ruleCovers(
  rule: RfmSegmentRule,
  r: number,
  f: number,
): boolean {
  return rule.recency[0] <= r && r <= rule.recency[1] &&
    rule.frequency[0] <= f && f <= rule.frequency[1];
}

/**
 * Checks that a segment map is a complete partition of the 5 × 5 grid: names
 * are unique, ranges lie within 1 to 5, and every cell is covered by exactly
 * one rule. Throws a `RangeError` naming the first problem; returns the map.
 *
 * @example
 * ```ts
 * import { checkSegmentMap, DEFAULT_SEGMENT_MAP } from "./rfm_segment_map.ts";
 * checkSegmentMap(DEFAULT_SEGMENT_MAP);
 * let failed = false;
 * try {
 *   checkSegmentMap([{ segment: "All", recency: [1, 5], frequency: [1, 4] }]);
 * } catch { failed = true; }
 * if (!failed) throw new Error("a gap went unnoticed");
 * ```
 */
export function checkSegmentMap(map: RfmSegmentMap): RfmSegmentMap {
  const names = new Set<string>();
  for (const rule of map) {
    if (names.has(rule.segment)) {
      throw new RangeError(
        `Invalid segment map: segment ${
          JSON.stringify(rule.segment)
        } appears twice`,
      );
    }
    names.add(rule.segment);
    for (
      const [axis, range] of [["recency", rule.recency], [
        "frequency",
        rule.frequency,
      ]] as const
    ) {
      const [low, high] = range;
      if (
        !Number.isInteger(low) || !Number.isInteger(high) || low < 1 ||
        high > 5 || low > high
      ) {
        throw new RangeError(
          `Invalid segment map: segment ${
            JSON.stringify(rule.segment)
          }: ${axis} range ${JSON.stringify(range)} is not within 1 to 5`,
        );
      }
    }
  }
  for (let r = 1; r <= 5; r++) {
    for (let f = 1; f <= 5; f++) {
      const hits = map.filter((rule) => ruleCovers(rule, r, f));
      if (hits.length !== 1) {
        throw new RangeError(
          `Invalid segment map: cell R${r} F${f} is covered by ${
            hits.length === 0
              ? "no segment"
              : hits.map((h) => JSON.stringify(h.segment)).join(" and ")
          }`,
        );
      }
    }
  }
  return map;
}

/**
 * The segment of a recency and frequency score in a map, or `undefined` when
 * the map leaves the cell uncovered.
 */
export function segmentOf(
  map: RfmSegmentMap,
  recencyScore: number,
  frequencyScore: number,
): string | undefined {
  return map.find((rule) => ruleCovers(rule, recencyScore, frequencyScore))
    ?.segment;
}
