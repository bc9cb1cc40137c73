import { assignClusters } from "../analysis/segments/cluster_customers.ts";
import {
  CLUSTER_TABLE,
  segmentCountsOf,
} from "../analysis/segments/cluster_table.ts";
import { createCustomerTable } from "../analysis/segments/customer_table.ts";
import { rfmFiguresOf } from "../analysis/segments/rfm_table.ts";
import { scoreCustomers } from "../analysis/segments/score_customers.ts";
import { clusterLiftCells } from "../figures/segments/cluster_lift_cells.ts";
import { clusterFilterLabel } from "../figures/segments/cluster_filter_label.ts";
import { segmentClusterCrossTabFromCounts } from "../figures/segments/segment_cluster_cross_tab.ts";
import type { CustomerFigures } from "../report/customer_model.ts";
import type { Dataset } from "../source/dataset.ts";
import { tempTableName } from "../source/sql_engine.ts";

/** Options for {@linkcode customerFigures}. */
export interface CustomerFiguresOptions {
  asOf?: string | undefined;
  seed: number;
  k?: number | undefined;
}

/**
 * Segments the customers twice, by how they buy (RFM) and by what they buy
 * (clusters), and computes every figure the report's customer half shows.
 * Each customer's scores, cluster and labels stay in the engine (the
 * customer table, see customer_table.ts): the figures are counted there or
 * added up a batch of customers at a time. Null when the data has no
 * customer with a purchase.
 */
export async function customerFigures(
  data: Dataset,
  options: CustomerFiguresOptions,
): Promise<CustomerFigures | null> {
  const asOf = options.asOf ? { asOf: options.asOf } : {};
  const scored = await scoreCustomers(data, asOf);
  if (scored.count === 0) return null;
  // Tables of their own: an earlier call's handles stay true.
  const clusterTable = tempTableName(CLUSTER_TABLE);
  const clusters = await assignClusters(data, {
    rfm: { scored },
    assignTable: clusterTable,
    seed: options.seed,
    ...asOf,
    ...(options.k ? { k: options.k } : {}),
  });
  // One cluster is no segmentation: its customers get no cluster label, so
  // the page offers no cluster filter and the report shows only the note.
  const labels = new Map(
    clusters.k > 1
      ? clusters.clusters.map((c) => [c.id, clusterFilterLabel(c.id, c.name)])
      : [],
  );
  const table = await createCustomerTable(data, scored, clusterTable, labels);
  const { segments, grid } = await rfmFiguresOf(data, scored);
  const crossCounts = (await segmentCountsOf(
    data,
    clusterTable,
    scored,
    clusters.k,
  )).flatMap((counts, c) =>
    [...counts].map(([segment, customers]) => ({
      segment,
      cluster: c + 1,
      customers,
    }))
  );
  return {
    table,
    rfm: {
      asOf: scored.asOf,
      ties: scored.ties,
      excluded: scored.excluded,
      count: scored.count,
    },
    segments,
    grid,
    clusters,
    labels,
    lift: clusterLiftCells(clusters),
    crossTab: segmentClusterCrossTabFromCounts(
      scored.segmentMap,
      clusters.clusters,
      crossCounts,
    ),
  };
}
