import type { RfmRow } from "./rfm_table.ts";
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
 * follow, by name.
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
  rows: readonly RfmRow[],
  options: RfmSegmentsOptions = {},
): RfmSegmentRow[] {
  const { segmentMap = DEFAULT_SEGMENT_MAP } = options;
  const names = segmentMap.map((rule) => rule.segment);
  const extra = [...new Set(rows.map((row) => row.segment))]
    .filter((name) => !names.includes(name)).sort();
  const totalRevenue = rows.reduce((sum, row) => sum + row.monetary, 0);
  return [...names, ...extra].map((segment) => {
    const members = rows.filter((row) => row.segment === segment);
    const n = members.length;
    const sum = (key: "recency" | "frequency" | "monetary") =>
      members.reduce((total, row) => total + row[key], 0);
    const revenue = round6(sum("monetary"));
    return {
      segment,
      customers: n,
      share: rows.length ? n / rows.length : 0,
      averageRecency: n ? sum("recency") / n : null,
      averageFrequency: n ? sum("frequency") / n : null,
      averageMonetary: n ? revenue / n : null,
      revenue,
      revenueShare: totalRevenue > 0 ? revenue / totalRevenue : null,
    };
  });
}
