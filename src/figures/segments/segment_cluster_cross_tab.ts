import type { CustomerClusters } from "./customer_clusters.ts";
import type { RfmTable } from "./rfm_table.ts";

/** One cell of the segment × cluster table. */
export interface SegmentClusterCell {
  segment: string;
  /** Cluster id, 1 = the largest. */
  cluster: number;
  clusterName: string;
  customers: number;
  /** Share of the segment's customers in this cluster, 0 to 1 (0 for an empty segment). */
  shareOfSegment: number;
  /** Share of the cluster's customers in this segment, 0 to 1. */
  shareOfCluster: number;
}

/**
 * Crosses RFM segments (how customers buy) with clusters (what they buy):
 * one cell per segment and cluster, segments in the segment map's order,
 * clusters by id, counting customers who are both scored and clustered.
 *
 * @example
 * ```ts
 * import { segmentClusterCrossTab } from "./segment_cluster_cross_tab.ts";
 * import { DEFAULT_SEGMENT_MAP } from "./rfm_segment_map.ts";
 * const cells = segmentClusterCrossTab(
 *   { segmentMap: DEFAULT_SEGMENT_MAP, rows: [{ customerId: "A", segment: "Lost" }] },
 *   { clusters: [{ id: 1, name: "Books: Comics" }], assignments: [{ customerId: "A", cluster: 1 }] },
 * );
 * const lost = cells.find((c) => c.segment === "Lost")!;
 * if (cells.length !== 11 || lost.customers !== 1 || lost.shareOfCluster !== 1) throw new Error("bad cross-tab");
 * ```
 */
export function segmentClusterCrossTab(
  rfm: {
    segmentMap: RfmTable["segmentMap"];
    rows: readonly { customerId: string; segment: string }[];
  },
  clusters: {
    clusters: readonly { id: number; name: string }[];
    assignments: CustomerClusters["assignments"];
  },
): SegmentClusterCell[] {
  const segmentOf = new Map(rfm.rows.map((r) => [r.customerId, r.segment]));
  const counts = new Map<string, number>();
  const segmentTotals = new Map<string, number>();
  const clusterTotals = new Map<number, number>();
  for (const { customerId, cluster } of clusters.assignments) {
    const segment = segmentOf.get(customerId);
    if (segment === undefined) continue;
    const key = `${cluster}\u0000${segment}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
    segmentTotals.set(segment, (segmentTotals.get(segment) ?? 0) + 1);
    clusterTotals.set(cluster, (clusterTotals.get(cluster) ?? 0) + 1);
  }
  const cells: SegmentClusterCell[] = [];
  for (const { segment } of rfm.segmentMap) {
    for (const { id, name } of clusters.clusters) {
      const customers = counts.get(`${id}\u0000${segment}`) ?? 0;
      const bySegment = segmentTotals.get(segment) ?? 0;
      const byCluster = clusterTotals.get(id) ?? 0;
      cells.push({
        segment,
        cluster: id,
        clusterName: name,
        customers,
        shareOfSegment: bySegment ? customers / bySegment : 0,
        shareOfCluster: byCluster ? customers / byCluster : 0,
      });
    }
  }
  return cells;
}
