import type { CustomerTable } from "../analysis/segments/customer_table.ts";
import type { CustomerClusters } from "../analysis/segments/cluster_customers.ts";
import type { RfmTable } from "../analysis/segments/rfm_table.ts";
import type { ClusterLiftCell } from "../figures/segments/cluster_lift_cells.ts";
import type { RfmGridCell } from "../figures/segments/rfm_grid.ts";
import type { RfmSegmentRow } from "../figures/segments/rfm_segments.ts";
import type { SegmentClusterCell } from "../figures/segments/segment_cluster_cross_tab.ts";

/**
 * The customer half of a report: the customers segmented twice, by how
 * they buy (RFM) and by what they buy (clusters), with every figure its
 * charts and tables show. The pipeline computes it (see customerFigures);
 * the report renders it, as it does the sales figures.
 */
export interface CustomerFigures {
  /**
   * Each scored customer's segment, cluster label and net spend, kept in
   * the engine: the customer table (see customer_table.ts), for the
   * cohorts, the value figures, the filters, the baskets, the cube and
   * segments.json.
   */
  table: CustomerTable;
  rfm: Pick<RfmTable, "asOf" | "ties" | "excluded"> & {
    /** Customers scored (customers with a purchase up to the as-of date). */
    count: number;
  };
  segments: RfmSegmentRow[];
  /** Customers in each cell of the recency × frequency score grid. */
  grid: RfmGridCell[];
  clusters: Omit<CustomerClusters, "assignments">;
  /** Each cluster's name in filters and tables, by cluster id: its number and its name. */
  labels: ReadonlyMap<number, string>;
  lift: ClusterLiftCell[];
  crossTab: SegmentClusterCell[];
}

/** The customer part of report.json. */
export interface CustomerModel {
  /** Customers scored by RFM (customers with a purchase up to the as-of date). */
  count: number;
  rfm: {
    asOf: string | null;
    ties: RfmTable["ties"];
    segments: (RfmSegmentRow & { name: string })[];
    /** Customers in each cell of the recency × frequency score grid. */
    grid: RfmGridCell[];
    excluded: RfmTable["excluded"];
  };
  clusters: Omit<CustomerClusters, "assignments" | "scatter" | "clusters"> & {
    clusters: (CustomerClusters["clusters"][number] & { label: string })[];
  };
}

/** The customer part of report.json from the customer figures: all but the scatter's points. */
export function customerModel(figures: CustomerFigures): CustomerModel {
  const { scatter: _scatter, clusters: profiles, ...clusterFigures } =
    figures.clusters;
  return {
    count: figures.rfm.count,
    rfm: {
      asOf: figures.rfm.asOf,
      ties: figures.rfm.ties,
      segments: figures.segments.map((s) => ({ name: s.segment, ...s })),
      grid: figures.grid,
      excluded: figures.rfm.excluded,
    },
    clusters: {
      ...clusterFigures,
      clusters: profiles.map((c) => ({
        ...c,
        label: figures.labels.get(c.id)!,
      })),
    },
  };
}
