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
  const { customerIds, segmentNames } = rfm.columns;
  const assigned = clusters.assignments;
  const rowOf = sameIds(customerIds, assigned.customerIds)
    ? (i: number) => i
    : lookup(customerIds, assigned.customerIds);
  const counts: SegmentClusterCount[] = [];
  const index = new Map<string, SegmentClusterCount>();
  for (let i = 0; i < assigned.customerIds.length; i++) {
    const row = rowOf(i);
    if (row < 0) continue;
    const segment = segmentNames[rfm.columns.segment[row]];
    const cluster = assigned.clusters[i];
    const key = `${segment}\u0000${cluster}`;
    let count = index.get(key);
    if (!count) {
      count = { segment, cluster, customers: 0 };
      index.set(key, count);
      counts.push(count);
    }
    count.customers++;
  }
  return segmentClusterCrossTabFromCounts(
    rfm.segmentMap,
    clusters.clusters,
    counts,
  );
}

/** How many customers of a segment are in a cluster. */
export interface SegmentClusterCount {
  segment: string;
  cluster: number;
  customers: number;
}

/**
 * The cross-table from the number of customers of each segment and
 * cluster, as the engine can count them (see segmentClusterCrossTab).
 */
export function segmentClusterCrossTabFromCounts(
  segmentMap: RfmTable["segmentMap"],
  clusters: readonly { id: number; name: string }[],
  counts: readonly SegmentClusterCount[],
): SegmentClusterCell[] {
  const clusterCount = Math.max(0, ...clusters.map((c) => c.id)) + 1;
  const cell = new Map<string, number>();
  const segmentTotals = new Map<string, number>();
  const clusterTotals = new Map<number, number>();
  for (const { segment, cluster, customers } of counts) {
    if (cluster < clusterCount) {
      const key = `${segment}\u0000${cluster}`;
      cell.set(key, (cell.get(key) ?? 0) + customers);
    }
    segmentTotals.set(segment, (segmentTotals.get(segment) ?? 0) + customers);
    clusterTotals.set(cluster, (clusterTotals.get(cluster) ?? 0) + customers);
  }
  const cells: SegmentClusterCell[] = [];
  for (const { segment: name } of segmentMap) {
    for (const { id, name: clusterName } of clusters) {
      const customers = cell.get(`${name}\u0000${id}`) ?? 0;
      const bySegment = segmentTotals.get(name) ?? 0;
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
