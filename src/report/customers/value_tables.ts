// deno-fmt-ignore-file -- deno fmt would spread each column over five lines
import type { ValueFigures } from "../../figures/value/value_figures.ts";
import type { TableColumn, TableSpec } from "../table_spec.ts";

/**
 * The tables of the customer-value section, for CSV export too: the
 * customers of highest predicted value, value by RFM segment and by
 * cluster (when there are clusters), and the holdout check (when asked
 * for and fitted). None when the models are not fitted.
 */
export function valueTables(figures: ValueFigures | null): TableSpec[] {
  if (!figures) return [];
  const tables: TableSpec[] = [];
  const { weeks, months } = figures.settings;
  if (figures.fitted) {
    const clustered = figures.byCluster.length > 0;
    tables.push({
      id: "value-top-customers",
      title: "Customers of highest predicted value",
      columns: [
        { key: "customer", label: "Customer", kind: "text" },
        { key: "segment", label: "RFM segment", kind: "text" },
        ...(clustered ? [{ key: "cluster", label: "Cluster", kind: "text" } as const] : []),
        { key: "repeatPurchases", label: "Repeat purchases", kind: "integer" },
        { key: "weeksSinceLast", label: "Weeks since last purchase", kind: "number" },
        { key: "probabilityAlive", label: "Probability active", kind: "percent" },
        { key: "expectedPurchases", label: `Expected purchases, next ${weeks} weeks`, kind: "number" },
        { key: "expectedSpend", label: "Expected spend per purchase", kind: "money" },
        { key: "value", label: `Predicted ${months}-month value`, kind: "money" },
      ],
      rows: figures.top as unknown as Record<string, unknown>[],
    });
    const groupColumns = (label: string): TableColumn[] => [
      { key: "group", label, kind: "text" },
      { key: "customers", label: "Customers", kind: "integer" },
      { key: "value", label: `Predicted ${months}-month value`, kind: "money" },
      { key: "averageValue", label: "Average per customer", kind: "money" },
      { key: "valueShare", label: "Share of value", kind: "percent" },
      { key: "expectedPurchases", label: `Expected purchases, next ${weeks} weeks`, kind: "number" },
      { key: "averageProbabilityAlive", label: "Average probability active", kind: "percent" },
    ];
    tables.push({
      id: "value-by-segment",
      title: "Predicted value by RFM segment",
      columns: groupColumns("Segment"),
      rows: figures.bySegment as unknown as Record<string, unknown>[],
    });
    if (clustered) {
      tables.push({
        id: "value-by-cluster",
        title: "Predicted value by cluster",
        columns: groupColumns("Cluster"),
        rows: figures.byCluster as unknown as Record<string, unknown>[],
      });
    }
  }
  const holdout = figures.holdout;
  if (holdout?.fitted) {
    tables.push({
      id: "value-holdout",
      title: `Purchases from ${holdout.from} to ${holdout.to}: predicted and actual`,
      columns: [
        { key: "repeatPurchases", label: "Repeat purchases before", kind: "text" },
        { key: "customers", label: "Customers", kind: "integer" },
        { key: "actual", label: "Actual purchases per customer", kind: "number" },
        { key: "predicted", label: "Predicted purchases per customer", kind: "number" },
      ],
      rows: holdout.rows.map((r) => ({
        repeatPurchases: r.orMore ? `${r.repeatPurchases} or more` : String(r.repeatPurchases),
        customers: r.customers,
        actual: r.actual,
        predicted: r.predicted,
      })),
    });
  }
  return tables;
}
