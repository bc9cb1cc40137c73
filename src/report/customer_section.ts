// deno-fmt-ignore-file -- deno fmt would re-indent the markup inside the html templates
import { type CustomerClusters, clusterCustomers } from "../analysis/segments/cluster_customers.ts";
import { clusterLiftCells } from "../figures/segments/cluster_lift_cells.ts";
import { rfmGrid, type RfmGridCell } from "../figures/segments/rfm_grid.ts";
import { type RfmSegmentRow, rfmSegments } from "../figures/segments/rfm_segments.ts";
import { type RfmTable, rfmTable } from "../analysis/segments/rfm_table.ts";
import type { CustomerGroup } from "../analysis/sales/sales_cube.ts";
import { segmentClusterCrossTab } from "../figures/segments/segment_cluster_cross_tab.ts";
import { CLUSTER_METHOD_NOTES, RFM_METHOD_NOTES } from "../figures/segments/segmentation_notes.ts";
import {
  clusterLiftChart,
  explainedVarianceChart,
  pcaScatterChart,
  rfmGridChart,
  rfmSegmentsChart,
  segmentClusterChart,
  silhouetteChart,
} from "../charts/mod.ts";
import type { Dataset } from "../source/dataset.ts";
import { formatInteger, formatMoney } from "./format_number.ts";
import { chartMarkup } from "./chart_markup.ts";
import { html, type Html } from "./html.ts";
import type { ViewContext } from "./render_sales_view.ts";
import { renderTable } from "./render_table.ts";
import type { TableSpec } from "./table_spec.ts";

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

/** The customer section of a report: its figures, tables, page content and method notes. */
export interface CustomerSection {
  /** Each scored customer's segment and cluster label, for the page's filters. */
  groups: CustomerGroup[];
  model: CustomerModel;
  tables: TableSpec[];
  render(context: ViewContext): Html;
  methods: Html[];
}

/** Options for {@linkcode customerSection}. */
export interface CustomerSectionOptions {
  asOf?: string | undefined;
  seed: number;
  k?: number | undefined;
}

/**
 * Segments the customers twice, by how they buy (RFM) and by what they buy
 * (clusters), and lays the results out for the report. Null when the data
 * has no customer with a purchase.
 */
export async function customerSection(
  data: Dataset,
  options: CustomerSectionOptions,
): Promise<CustomerSection | null> {
  const rfm = await rfmTable(data, options.asOf ? { asOf: options.asOf } : {});
  if (rfm.rows.length === 0) return null;
  const clusters = await clusterCustomers(data, {
    rfm,
    seed: options.seed,
    ...(options.asOf ? { asOf: options.asOf } : {}),
    ...(options.k ? { k: options.k } : {}),
  });
  const labels = new Map(clusters.clusters.map((c) => [c.id, clusterLabel(c)]));
  const clusterOf = new Map(clusters.assignments.map((a) => [a.customerId, labels.get(a.cluster) ?? "(none)"]));
  const groups: CustomerGroup[] = rfm.rows.map((row) => ({
    customer_id: row.customerId,
    segment: row.segment,
    cluster: clusterOf.get(row.customerId) ?? "(none)",
  }));
  const segments = rfmSegments(rfm.rows, { segmentMap: rfm.segmentMap });
  const { assignments: _assignments, scatter, clusters: profiles, ...clusterFigures } = clusters;
  const grid = rfmGrid(rfm.rows, { segmentMap: rfm.segmentMap });
  const model: CustomerModel = {
    count: rfm.rows.length,
    rfm: {
      asOf: rfm.asOf,
      ties: rfm.ties,
      segments: segments.map((s) => ({ name: s.segment, ...s })),
      grid,
      excluded: rfm.excluded,
    },
    clusters: {
      ...clusterFigures,
      clusters: profiles.map((c) => ({ ...c, label: labels.get(c.id)! })),
    },
  };
  const crossTab = segmentClusterCrossTab(rfm, clusters);
  const tables = customerTables(segments, clusters, labels, crossTab);
  const lift = clusterLiftCells(clusters);
  const figure = (id: string, element: Element) =>
    html`<figure class="chart" id="chart-${id}">${chartMarkup(element, { headingLevel: 4 })}</figure>`;
  const byId = new Map(tables.map((t) => [t.id, t]));
  return {
    groups,
    model,
    tables,
    methods: [...RFM_METHOD_NOTES, ...CLUSTER_METHOD_NOTES].map((note) => html`${note}`),
    render: (context) => {
      const options = { document: context.document, width: context.width };
      return html`<p class="notice">Segments and clusters are computed on all customers up to the as-of date (${
        rfm.asOf ?? "—"
      }); the page's filters do not re-score them, but the segment and cluster filters show those customers' sales in every section above.</p>
<p>${formatInteger(rfm.rows.length)} customers scored. ${
        rfm.excluded.returnOnlyCustomers
          ? `${formatInteger(rfm.excluded.returnOnlyCustomers)} customers with only returns (net ${formatMoney(rfm.excluded.returnOnlyNetSpend)}) are left out. `
          : ""
      }${
        rfm.excluded.anonymousLines
          ? `${formatInteger(rfm.excluded.anonymousLines)} sale lines without a customer id (net ${formatMoney(rfm.excluded.anonymousNetSpend)}) belong to no customer.`
          : ""
      }</p>
<h3 id="h-rfm">How they buy: RFM segments</h3>
<div class="charts">${figure("rfm-segments", rfmSegmentsChart(segments, options))}${figure("rfm-grid", rfmGridChart(grid, options))}</div>
${renderTable(byId.get("rfm-segments")!)}
<h3 id="h-clusters">What they buy: clusters</h3>
<p>${clusters.note ?? ""} k = ${clusters.k}${
        clusters.silhouette === null ? "" : `, mean silhouette ${clusters.silhouette.toFixed(3)}`
      }${clusters.sampleSize ? ` (silhouettes on a seeded sample of ${formatInteger(clusters.sampleSize)} customers)` : ""}; ${
        clusters.components
      } principal components explain ${(100 * (clusters.explainedVariance[clusters.components - 1]?.cumulative ?? 0)).toFixed(1)}% of the variance.</p>
<div class="charts">${
        figure("pca-scatter", pcaScatterChart(scatter.points, {
          ...options,
          clusters: profiles,
          explainedVariance: clusters.explainedVariance.map((v) => v.ratio),
        }))
      }${figure("explained-variance", explainedVarianceChart(clusters.explainedVariance, options))}${
        clusters.silhouetteByK.length ? figure("silhouette", silhouetteChart(clusters.silhouetteByK, options)) : ""
      }${figure("cluster-lift", clusterLiftChart(lift, options))}${figure("segment-cluster", segmentClusterChart(crossTab, options))}</div>
${renderTable(byId.get("clusters")!)}
${renderTable(byId.get("segment-by-cluster")!)}`;
    },
  };
}

/** A cluster's name in filters and tables: its number and its name. */
function clusterLabel(cluster: { id: number; name: string }): string {
  return `${cluster.id}. ${cluster.name}`;
}

function customerTables(
  segments: RfmSegmentRow[],
  clusters: CustomerClusters,
  labels: Map<number, string>,
  crossTab: ReturnType<typeof segmentClusterCrossTab>,
): TableSpec[] {
  const rows = <T extends object>(list: readonly T[]) => list as unknown as Record<string, unknown>[];
  return [
    {
      id: "rfm-segments",
      title: "RFM segments",
      columns: [
        { key: "segment", label: "Segment", kind: "text" },
        { key: "customers", label: "Customers", kind: "integer" },
        { key: "share", label: "Share of customers", kind: "percent" },
        { key: "averageRecency", label: "Average recency (days)", kind: "number" },
        { key: "averageFrequency", label: "Average frequency", kind: "number" },
        { key: "averageMonetary", label: "Average monetary", kind: "money" },
        { key: "revenue", label: "Revenue", kind: "money" },
        { key: "revenueShare", label: "Share of revenue", kind: "percent" },
      ],
      rows: rows(segments),
    },
    {
      id: "clusters",
      title: "Cluster profiles",
      columns: [
        { key: "cluster", label: "Cluster", kind: "text" },
        { key: "size", label: "Customers", kind: "integer" },
        { key: "share", label: "Share of customers", kind: "percent" },
        { key: "averageSpend", label: "Average spend", kind: "money" },
        { key: "revenue", label: "Revenue", kind: "money" },
        { key: "topSubCategories", label: "Over-indexes on (lift)", kind: "text" },
        { key: "mainSegments", label: "Main RFM segments", kind: "text" },
        { key: "demographics", label: "Demographics", kind: "text" },
      ],
      rows: clusters.clusters.map((c) => ({
        cluster: labels.get(c.id),
        size: c.size,
        share: c.share,
        averageSpend: c.averageSpend,
        revenue: c.revenue,
        topSubCategories: c.topSubCategories.slice(0, 3).map((t) => `${t.label} (${t.lift.toFixed(1)}×)`).join("; "),
        mainSegments: c.segmentMix.filter((s) => s.customers > 0).sort((a, b) => b.customers - a.customers).slice(0, 3)
          .map((s) => `${s.name} ${(100 * s.share).toFixed(0)}%`).join("; "),
        demographics: c.demographics
          ? [c.demographics.ageBands, c.demographics.genders, c.demographics.cities]
            .map((list) => [...list].sort((a, b) => b.customers - a.customers)[0])
            .filter((top) => top !== undefined)
            .map((top) => `${top.name} ${(100 * top.share).toFixed(0)}%`).join("; ")
          : null,
      })),
    },
    {
      id: "segment-by-cluster",
      title: "Customers by RFM segment and cluster",
      columns: [
        { key: "segment", label: "Segment", kind: "text" },
        { key: "cluster", label: "Cluster", kind: "text" },
        { key: "customers", label: "Customers", kind: "integer" },
        { key: "shareOfSegment", label: "Share of segment", kind: "percent" },
        { key: "shareOfCluster", label: "Share of cluster", kind: "percent" },
      ],
      rows: crossTab.filter((c) => c.customers > 0).map((c) => ({
        segment: c.segment,
        cluster: labels.get(c.cluster) ?? c.clusterName,
        customers: c.customers,
        shareOfSegment: c.shareOfSegment,
        shareOfCluster: c.shareOfCluster,
      })),
      folded: true,
    },
  ];
}
