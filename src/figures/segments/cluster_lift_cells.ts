import type { CustomerClusters } from "./customer_clusters.ts";

/** One cell of the cluster × sub-category lift table. */
export interface ClusterLiftCell {
  /** Cluster id, 1 = the largest. */
  cluster: number;
  clusterName: string;
  /** Feature key and readable label. */
  key: string;
  label: string;
  /** Share of the cluster's spend over all customers' share; null when undefined. */
  lift: number | null;
}

/**
 * The lift of every sub-category in every cluster, as rows for a heatmap:
 * clusters by id, features in feature order.
 *
 * @example
 * ```ts
 * import { clusterLiftCells } from "./cluster_lift_cells.ts";
 * const cells = clusterLiftCells({
 *   features: [{ key: "Books / Comics", category: "Books", subCategory: "Comics", label: "Books: Comics" }],
 *   clusters: [{ id: 1, name: "Books: Comics", lift: [1.5] }],
 * });
 * if (cells[0].lift !== 1.5 || cells[0].label !== "Books: Comics") throw new Error("bad cells");
 * ```
 */
export function clusterLiftCells(
  result: {
    features: CustomerClusters["features"];
    clusters: readonly { id: number; name: string; lift: (number | null)[] }[];
  },
): ClusterLiftCell[] {
  return result.clusters.flatMap((cluster) =>
    result.features.map((feature, j) => ({
      cluster: cluster.id,
      clusterName: cluster.name,
      key: feature.key,
      label: feature.label,
      lift: cluster.lift[j] ?? null,
    }))
  );
}
