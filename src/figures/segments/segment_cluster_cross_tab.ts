import type { ClusterAssignments } from "./customer_clusters.ts";
import { findId, idOrder, sameIds } from "./customer_groups.ts";
import type { RfmColumns } from "./rfm_columns.ts";
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
 * Reads the RFM table's columns; when the clustered customers are the
 * scored ones in the same order (as clusterCustomers gives them), no
 * lookup by id is built.
 *
 * @example
 * ```ts
 * import { segmentClusterCrossTab } from "./segment_cluster_cross_tab.ts";
 * import { DEFAULT_SEGMENT_MAP } from "./rfm_segment_map.ts";
 * const cells = segmentClusterCrossTab(
 *   {
 *     segmentMap: DEFAULT_SEGMENT_MAP,
 *     columns: { customerIds: ["A"], segment: Uint8Array.of(0), segmentNames: ["Lost"] },
 *   },
 *   {
 *     clusters: [{ id: 1, name: "Books: Comics" }],
 *     assignments: { customerIds: ["A"], clusters: Uint16Array.of(1) },
 *   },
 * );
 * const lost = cells.find((c) => c.segment === "Lost")!;
 * if (cells.length !== 11 || lost.customers !== 1 || lost.shareOfCluster !== 1) throw new Error("bad cross-tab");
 * ```
 */
export function segmentClusterCrossTab(
  rfm: {
    segmentMap: RfmTable["segmentMap"];
    columns: Pick<RfmColumns, "customerIds" | "segment" | "segmentNames">;
  },
  clusters: {
    clusters: readonly { id: number; name: string }[];
    assignments: ClusterAssignments;
  },
): SegmentClusterCell[] {
  const { customerIds, segment, segmentNames } = rfm.columns;
  const assigned = clusters.assignments;
  const rowOf = sameIds(customerIds, assigned.customerIds)
    ? (i: number) => i
    : lookup(customerIds, assigned.customerIds);
  const clusterCount = Math.max(0, ...clusters.clusters.map((c) => c.id)) + 1;
  const counts = Array.from(
    { length: segmentNames.length },
    () => new Array<number>(clusterCount).fill(0),
  );
  const segmentTotals = new Array<number>(segmentNames.length).fill(0);
  const clusterTotals = new Map<number, number>();
  for (let i = 0; i < assigned.customerIds.length; i++) {
    const row = rowOf(i);
    if (row < 0) continue;
    const s = segment[row];
    const cluster = assigned.clusters[i];
    if (cluster < clusterCount) counts[s][cluster]++;
    segmentTotals[s]++;
    clusterTotals.set(cluster, (clusterTotals.get(cluster) ?? 0) + 1);
  }
  const cells: SegmentClusterCell[] = [];
  for (const { segment: name } of rfm.segmentMap) {
    const s = segmentNames.indexOf(name);
    for (const { id, name: clusterName } of clusters.clusters) {
      const customers = s < 0 ? 0 : counts[s][id];
      const bySegment = s < 0 ? 0 : segmentTotals[s];
      const byCluster = clusterTotals.get(id) ?? 0;
      cells.push({
        segment: name,
        cluster: id,
        clusterName,
        customers,
        shareOfSegment: bySegment ? customers / bySegment : 0,
        shareOfCluster: byCluster ? customers / byCluster : 0,
      });
    }
  }
  return cells;
}

/**
 * The scored row of each assigned customer, -1 when not scored: found by
 * binary search of the scored ids, not through a map of every customer.
 */
function lookup(
  scored: readonly string[],
  assigned: readonly string[],
): (i: number) => number {
  const order = idOrder(scored);
  return (i) => findId(scored, order, assigned[i]);
}
