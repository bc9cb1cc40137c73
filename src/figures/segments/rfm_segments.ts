import type { RfmRow } from "./rfm_table.ts";
import {
  type RfmColumns,
  rfmCount,
  rfmMeasure,
  rfmSegmentIndex,
} from "./rfm_columns.ts";
import { DEFAULT_SEGMENT_MAP, type RfmSegmentMap } from "./rfm_segment_map.ts";
import { round6 } from "../../stats/round6.ts";

/** One row of the segment table. */
export interface RfmSegmentRow {
  segment: string;
  customers: number;
  /** Share of scored customers, 0 to 1. */
  share: number;
  /** Averages over the segment's customers; null when it has none. */
  averageRecency: number | null;
  averageFrequency: number | null;
  averageMonetary: number | null;
  /** Net spend of the segment's customers. */
  revenue: number;
  /** Share of the net spend of all scored customers; null when that is not positive. */
  revenueShare: number | null;
}

/** Options for {@linkcode rfmSegments}. */
export interface RfmSegmentsOptions {
  /** Lists segments in this map's order, empty ones included. Default DEFAULT_SEGMENT_MAP. */
  segmentMap?: RfmSegmentMap;
}

/**
 * The segment table: customers, share, average recency, frequency and
 * monetary value, revenue and revenue share per segment, in the segment
 * map's order (segments without customers included, so tables and charts
 * keep a stable shape). Segments found in the rows but not in the map
 * follow, by name. Takes the table's columns, or rows (notebooks, small data).
 *
 * @example
 * ```ts
 * import { rfmSegments } from "./rfm_segments.ts";
 * const row = { customerId: "A", lastPurchase: "2024-01-01", recency: 1, frequency: 4,
 *   monetary: 100, recencyScore: 5, frequencyScore: 5, monetaryScore: 5, rfm: "555",
 *   segment: "Champions" };
 * const [champions] = rfmSegments([row]);
 * if (champions.customers !== 1 || champions.revenueShare !== 1) throw new Error("bad table");
 * ```
 */
export function rfmSegments(
  rows: readonly RfmRow[] | RfmColumns,
  options: RfmSegmentsOptions = {},
): RfmSegmentRow[] {
  const { segmentMap = DEFAULT_SEGMENT_MAP } = options;
  const names = segmentMap.map((rule) => rule.segment);
  const { segmentNames } = rfmSegmentIndex(rows, names);
  const sums = rfmSegmentSums(segmentNames);
  addRfmSegmentSums(sums, rows, names);
  return rfmSegmentsFromSums(sums, options);
}

/**
 * Each segment's customers and sums of recency, frequency and monetary
 * value, added customer by customer (see addRfmSegmentSums): what
 * rfmSegments needs, gathered a batch of customers at a time when they
 * are too many to hold.
 */
export interface RfmSegmentSums {
  /** The segments' names: the sums' indices. */
  segmentNames: string[];
  count: number[];
  recency: number[];
  frequency: number[];
  monetary: number[];
  /** Every customer's, added in the same order. */
  totalRevenue: number;
  customers: number;
}

/** Empty sums over the segments named. */
export function rfmSegmentSums(
  segmentNames: readonly string[],
): RfmSegmentSums {
  const zeros = () => new Array<number>(segmentNames.length).fill(0);
  return {
    segmentNames: [...segmentNames],
    count: zeros(),
    recency: zeros(),
    frequency: zeros(),
    monetary: zeros(),
    totalRevenue: 0,
    customers: 0,
  };
}

/**
 * Adds customers, rows or columns, to the sums, in their order; segments
 * not yet named follow the others in the order met.
 */
export function addRfmSegmentSums(
  sums: RfmSegmentSums,
  rows: readonly RfmRow[] | RfmColumns,
  names: readonly string[] = sums.segmentNames,
): void {
  const { segment, segmentNames } = rfmSegmentIndex(rows, names);
  const recency = rfmMeasure(rows, "recency");
  const frequency = rfmMeasure(rows, "frequency");
  const monetary = rfmMeasure(rows, "monetary");
  const n = rfmCount(rows);
  // The batch's segment indices as the sums' indices.
  const at = segmentNames.map((name) => {
    let s = sums.segmentNames.indexOf(name);
    if (s < 0) {
      s = sums.segmentNames.push(name) - 1;
      for (
        const key of ["count", "recency", "frequency", "monetary"] as const
      ) {
        sums[key].push(0);
      }
    }
    return s;
  });
  for (let i = 0; i < n; i++) {
    const s = at[segment[i]];
    sums.count[s]++;
    sums.recency[s] += recency[i];
    sums.frequency[s] += frequency[i];
    sums.monetary[s] += monetary[i];
    sums.totalRevenue += monetary[i];
  }
  sums.customers += n;
}

/** The segments' rows from their sums (see rfmSegments). */
export function rfmSegmentsFromSums(
  sums: RfmSegmentSums,
  options: RfmSegmentsOptions = {},
): RfmSegmentRow[] {
  const { segmentMap = DEFAULT_SEGMENT_MAP } = options;
  const names = segmentMap.map((rule) => rule.segment);
  const { segmentNames, count, totalRevenue } = sums;
  const n = sums.customers;
  const extra = segmentNames.filter((name, s) =>
    count[s] > 0 && !names.includes(name)
  ).sort();
  return [...names, ...extra].map((name) => {
    const s = segmentNames.indexOf(name);
    const members = s < 0 ? 0 : count[s];
    const sum = (key: "recency" | "frequency" | "monetary") =>
      s < 0 ? 0 : sums[key][s];
    const revenue = round6(sum("monetary"));
    return {
      segment: name,
      customers: members,
      share: n ? members / n : 0,
      averageRecency: members ? sum("recency") / members : null,
      averageFrequency: members ? sum("frequency") / members : null,
      averageMonetary: members ? revenue / members : null,
      revenue,
      revenueShare: totalRevenue > 0 ? revenue / totalRevenue : null,
    };
  });
}
