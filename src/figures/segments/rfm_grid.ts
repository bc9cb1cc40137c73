import type { RfmRow } from "./rfm_table.ts";
import { type RfmColumns, rfmCount, rfmMeasure } from "./rfm_columns.ts";
import {
  checkSegmentMap,
  DEFAULT_SEGMENT_MAP,
  type RfmSegmentMap,
  segmentOf,
} from "./rfm_segment_map.ts";

/** One cell of the recency × frequency score grid. */
export interface RfmGridCell {
  recencyScore: number;
  frequencyScore: number;
  /** The segment the map gives this cell. */
  segment: string;
  customers: number;
  /** Share of scored customers, 0 to 1. */
  share: number;
}

/** Options for {@linkcode rfmGrid}. */
export interface RfmGridOptions {
  segmentMap?: RfmSegmentMap;
}

/**
 * Counts customers in each of the 25 cells of the recency × frequency grid,
 * with each cell's segment: always 25 cells, recency 5 to 1, frequency 1 to 5.
 * Takes the table's columns, or rows.
 *
 * @example
 * ```ts
 * import { rfmGrid } from "./rfm_grid.ts";
 * const cells = rfmGrid([]);
 * if (cells.length !== 25 || cells[0].segment !== "New Customers") throw new Error("bad grid");
 * ```
 */
export function rfmGrid(
  rows:
    | readonly Pick<RfmRow, "recencyScore" | "frequencyScore">[]
    | RfmColumns,
  options: RfmGridOptions = {},
): RfmGridCell[] {
  const recency = rfmMeasure(rows, "recencyScore");
  const frequency = rfmMeasure(rows, "frequencyScore");
  const n = rfmCount(rows);
  const counts = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const key = `${recency[i]}:${frequency[i]}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return rfmGridFromCounts(counts, options);
}

/**
 * The grid from the number of customers of each pair of scores, keyed
 * `"recency:frequency"` (e.g. `"5:4"`), as the engine can count them.
 */
export function rfmGridFromCounts(
  counts: ReadonlyMap<string, number>,
  options: RfmGridOptions = {},
): RfmGridCell[] {
  const { segmentMap = DEFAULT_SEGMENT_MAP } = options;
  checkSegmentMap(segmentMap);
  let n = 0;
  for (const count of counts.values()) n += count;
  const cells: RfmGridCell[] = [];
  for (let r = 5; r >= 1; r--) {
    for (let f = 1; f <= 5; f++) {
      const customers = counts.get(`${r}:${f}`) ?? 0;
      cells.push({
        recencyScore: r,
        frequencyScore: f,
        segment: segmentOf(segmentMap, r, f)!,
        customers,
        share: n ? customers / n : 0,
      });
    }
  }
  return cells;
}
