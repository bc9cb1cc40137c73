import type { RfmColumns } from "./rfm_columns.ts";
import type { RfmSegmentMap } from "./rfm_segment_map.ts";

/**
 * Each cluster's customers per RFM segment, when the clustered customers
 * are the scored ones in the same order (row i of the labels is row i of
 * the RFM columns): one small Map per cluster, segments in the order met,
 * instead of a Map of every customer id (see clusterProfiles'
 * `segmentCounts`).
 *
 * @example
 * ```ts
 * import { clusterSegmentCounts } from "./cluster_segment_counts.ts";
 * const [first, second] = clusterSegmentCounts(Int32Array.of(0, 1, 0), 2, {
 *   segment: Uint8Array.of(1, 0, 1), segmentNames: ["Lost", "Champions"],
 * });
 * if (first.get("Champions") !== 2 || second.get("Lost") !== 1) throw new Error("bad counts");
 * ```
 */
export function clusterSegmentCounts(
  labels: ArrayLike<number>,
  k: number,
  rfm: Pick<RfmColumns, "segment" | "segmentNames">,
): Map<string, number>[] {
  if (labels.length !== rfm.segment.length) {
    throw new RangeError(
      `Cannot count segments per cluster: ${labels.length} labels for ${rfm.segment.length} scored customers`,
    );
  }
  const counts = Array.from({ length: k }, () => new Map<string, number>());
  for (let i = 0; i < labels.length; i++) {
    const name = rfm.segmentNames[rfm.segment[i]];
    const cluster = counts[labels[i]];
    cluster.set(name, (cluster.get(name) ?? 0) + 1);
  }
  return counts;
}

/**
 * A cluster's segment mix from its counts: the segment map's segments in
 * its order (empty ones included), then others in the order counted.
 */
export function segmentMixOf(
  counted: ReadonlyMap<string, number>,
  size: number,
  segmentMap: RfmSegmentMap,
): { name: string; customers: number; share: number }[] {
  const counts = new Map<string, number>(
    segmentMap.map((rule) => [rule.segment, 0]),
  );
  for (const [name, n] of counted) {
    counts.set(name, (counts.get(name) ?? 0) + n);
  }
  return [...counts].map(([name, customers]) => ({
    name,
    customers,
    share: size ? customers / size : 0,
  }));
}
