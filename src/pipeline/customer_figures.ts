import { clusterCustomers } from "../analysis/segments/cluster_customers.ts";
import { rfmTable } from "../analysis/segments/rfm_table.ts";
import type { CustomerGroup } from "../analysis/sales/sales_cube.ts";
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
  // The clusters' customers are the scored ones, in the same order, when
  // they share the ids' array; else looked up by id.
  const { customerIds, segment, segmentNames } = rfm.columns;
  const assigned = clusters.assignments;
  const byId = assigned.customerIds === customerIds ? undefined : new Map(
    assigned.customerIds.map((id, i) => [id, assigned.clusters[i]]),
  );
  const groups: CustomerGroup[] = customerIds.map((customer_id, i) => ({
    customer_id,
    segment: segmentNames[segment[i]],
    cluster: labels.get(byId ? byId.get(customer_id)! : assigned.clusters[i]) ??
      "(none)",
  }));
  const { assignments: _assignments, ...figures } = clusters;
  return {
    groups,
    monetary: Array.from(rfm.columns.monetary),
    rfm: {
      asOf: rfm.asOf,
      ties: rfm.ties,
      excluded: rfm.excluded,
      count: customerIds.length,
    },
    segments: rfmSegments(rfm.columns, { segmentMap: rfm.segmentMap }),
    grid: rfmGrid(rfm.columns, { segmentMap: rfm.segmentMap }),
    clusters: figures,
    labels,
    lift: clusterLiftCells(clusters),
    crossTab: segmentClusterCrossTab(rfm, clusters),
  };
}
