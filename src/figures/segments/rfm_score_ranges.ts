import type { RfmRow } from "./rfm_table.ts";
import { type RfmColumns, rfmCount, rfmMeasure } from "./rfm_columns.ts";

/** What one score of one RFM measure stands for. */
export interface RfmScoreRange {
  measure: "recency" | "frequency" | "monetary";
  /** 1 to 5; 5 is the best (the most recent, the most frequent, the highest spend). */
  score: number;
  /** Customers with this score. */
  customers: number;
  /** The lowest and highest raw value among them: days, transactions or net spend; null when none. */
  min: number | null;
  max: number | null;
}

const MEASURES = [
  ["recency", "recencyScore"],
  ["frequency", "frequencyScore"],
  ["monetary", "monetaryScore"],
] as const;

/**
 * Reads the scores back as raw values: for each measure and each score 5 to
 * 1, how many customers have it and the range of their raw values (recency
 * 5 might be "bought 0 to 12 days ago"). Always 15 rows, recency first.
 * Takes the table's columns, or rows.
 *
 * @example
 * ```ts
 * import { rfmScoreRanges } from "./rfm_score_ranges.ts";
 * const row = (recency: number, recencyScore: number) => ({
 *   recency, recencyScore, frequency: 1, frequencyScore: 1, monetary: 9, monetaryScore: 1,
 * });
 * const [top] = rfmScoreRanges([row(3, 5), row(9, 5), row(40, 1)]);
 * if (top.score !== 5 || top.customers !== 2 || top.min !== 3 || top.max !== 9) throw new Error(JSON.stringify(top));
 * ```
 */
export function rfmScoreRanges(
  rows:
    | readonly Pick<
      RfmRow,
      | "recency"
      | "frequency"
      | "monetary"
      | "recencyScore"
      | "frequencyScore"
      | "monetaryScore"
    >[]
    | RfmColumns,
): RfmScoreRange[] {
  const ranges: RfmScoreRange[] = [];
  const n = rfmCount(rows);
  for (const [measure, scoreKey] of MEASURES) {
    const values = rfmMeasure(rows, measure);
    const scores = rfmMeasure(rows, scoreKey);
    for (let score = 5; score >= 1; score--) {
      let customers = 0;
      let min = Infinity;
      let max = -Infinity;
      for (let i = 0; i < n; i++) {
        if (scores[i] !== score) continue;
        customers++;
        min = Math.min(min, values[i]);
        max = Math.max(max, values[i]);
      }
      ranges.push({
        measure,
        score,
        customers,
        min: customers ? min : null,
        max: customers ? max : null,
      });
    }
  }
  return ranges;
}
