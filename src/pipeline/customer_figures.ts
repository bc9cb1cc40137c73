import { clusterCustomers } from "../analysis/segments/cluster_customers.ts";
import { rfmTable } from "../analysis/segments/rfm_table.ts";
import {
  customerGroups,
  findId,
  idOrder,
} from "../figures/segments/customer_groups.ts";
import { NONE_LABEL } from "../model/none_label.ts";
import { clusterLiftCells } from "../figures/segments/cluster_lift_cells.ts";
import { clusterFilterLabel } from "../figures/segments/cluster_filter_label.ts";
import { rfmGrid } from "../figures/segments/rfm_grid.ts";
import { rfmSegments } from "../figures/segments/rfm_segments.ts";
import { segmentClusterCrossTab } from "../figures/segments/segment_cluster_cross_tab.ts";
import type { CustomerFigures } from "../report/customer_model.ts";
import type { Dataset } from "../source/dataset.ts";

/** Options for {@linkcode customerFigures}. */
export interface CustomerFiguresOptions {
  asOf?: string | undefined;
  seed: number;
  k?: number | undefined;
}

/**
 * Segments the customers twice, by how they buy (RFM) and by what they buy
 * (clusters), and computes every figure the report's customer half shows.
 * Null when the data has no customer with a purchase.
 */
export async function customerFigures(
  data: Dataset,
  options: CustomerFiguresOptions,
): Promise<CustomerFigures | null> {
  const rfm = await rfmTable(data, options.asOf ? { asOf: options.asOf } : {});
  if (rfm.columns.customerIds.length === 0) return null;
  const clusters = await clusterCustomers(data, {
    rfm,
    seed: options.seed,
    ...(options.asOf ? { asOf: options.asOf } : {}),
    ...(options.k ? { k: options.k } : {}),
  });
  // One cluster is no segmentation: its customers get no cluster label, so
  // the page offers no cluster filter and the report shows only the note.
  const labels = new Map(
    clusters.k > 1
      ? clusters.clusters.map((c) => [c.id, clusterFilterLabel(c.id, c.name)])
      : [],
  );
  // Each customer's cluster label: the clusters' customers are the scored
  // ones, in the same order, when they share the ids' array; else each is
  // found by binary search of the ids, not through a map of every customer.
  const { customerIds: ids, segment, segmentNames, monetary } = rfm.columns;
  const byId = idOrder(ids);
  const assigned = clusters.assignments;
  const cluster = new Uint16Array(ids.length); // 0: no cluster.
  if (assigned.customerIds === ids) cluster.set(assigned.clusters);
  else {
    assigned.customerIds.forEach((id, a) => {
      const i = findId(ids, byId, id);
      if (i >= 0) cluster[i] = assigned.clusters[a];
    });
  }
  const groups = customerGroups({
    ids,
    byId,
    segment: (i) => segmentNames[segment[i]],
    cluster: (i) => labels.get(cluster[i]) ?? NONE_LABEL,
    monetary: (i) => monetary[i],
  });
  const { assignments: _assignments, ...figures } = clusters;
  return {
    groups,
    rfm: {
      asOf: rfm.asOf,
      ties: rfm.ties,
      excluded: rfm.excluded,
      count: ids.length,
    },
    segments: rfmSegments(rfm.columns, { segmentMap: rfm.segmentMap }),
    grid: rfmGrid(rfm.columns, { segmentMap: rfm.segmentMap }),
    clusters: figures,
    labels,
    lift: clusterLiftCells(clusters),
    crossTab: segmentClusterCrossTab(rfm, clusters),
  };
}
