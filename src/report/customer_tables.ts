// deno-fmt-ignore-file -- deno fmt would re-indent the markup inside the html templates
import type { CustomerFigures } from "./customer_model.ts";
import type { TableSpec } from "./table_spec.ts";

/**
 * The tables of the customer half, for CSV export too: RFM segments, and
 * cluster profiles and segments by cluster when there are clusters (k > 1).
 */
export function customerTables(figures: CustomerFigures): TableSpec[] {
  const { segments, clusters, labels, crossTab } = figures;
  const rows = <T extends object>(list: readonly T[]) => list as unknown as Record<string, unknown>[];
  const tables: TableSpec[] = [
    {
      id: "rfm-segments",
      title: "RFM segments",
      columns: [
        { key: "segment", label: "Segment", kind: "text", filter: "segment" },
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
        { key: "cluster", label: "Cluster", kind: "text", filter: "cluster" },
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
        { key: "segment", label: "Segment", kind: "text", filter: "segment" },
        { key: "cluster", label: "Cluster", kind: "text", filter: "cluster" },
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
  return clusters.k > 1 ? tables : tables.slice(0, 1);
}
