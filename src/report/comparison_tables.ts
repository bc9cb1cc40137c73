import type {
  ComparedGroup,
  ComparedSalesFigures,
  GroupChange,
  SalesComparison,
} from "../figures/sales/sales_comparison.ts";
import type { TableColumn, TableSpec } from "./table_spec.ts";

/** The comparison columns a table by category, store or channel gets. */
export const COMPARISON_COLUMNS: readonly TableColumn[] = [
  { key: "vsPrevious", label: "vs previous period", kind: "change" },
  { key: "vsLastYear", label: "vs last year", kind: "change" },
];

/**
 * A table by a compared dimension with the comparison columns added, each
 * row's net sales against the previous period and a year before; the note
 * says which periods, or that the data holds no earlier one. Unchanged
 * when the figures carry no comparison.
 */
export function withComparison(
  table: TableSpec,
  comparison: SalesComparison | null | undefined,
  group: ComparedGroup,
  key: string,
): TableSpec {
  if (!comparison) return table;
  const changes = new Map(comparison.groups[group].map((g) => [g.key, g]));
  const note = [table.note, comparisonNote(comparison)].filter(Boolean)
    .join(" ");
  return {
    ...table,
    columns: [...table.columns, ...COMPARISON_COLUMNS],
    rows: table.rows.map((row) => {
      const change = changes.get(String(row[key]));
      return {
        ...row,
        vsPrevious: change?.previousChange ?? null,
        vsLastYear: change?.yearAgoChange ?? null,
      };
    }),
    note,
  };
}

/**
 * The tables by region and by new and returning customers (new: sales on
 * a customer's first purchase day), which only the comparison has:
 * net sales now and in the earlier periods, the groups of any period listed.
 */
export function comparisonTables(figures: ComparedSalesFigures): TableSpec[] {
  const comparison = figures.comparison;
  if (!comparison) return [];
  const table = (
    id: string,
    title: string,
    label: string,
    rows: readonly GroupChange[],
  ): TableSpec => ({
    id,
    title,
    columns: [
      { key: "key", label, kind: "text" },
      { key: "totalSales", label: "Net sales", kind: "money" },
      { key: "previous", label: "Previous period", kind: "money" },
      { key: "vsPrevious", label: "vs previous period", kind: "change" },
      { key: "yearAgo", label: "Last year", kind: "money" },
      { key: "vsLastYear", label: "vs last year", kind: "change" },
    ],
    rows: rows.map((r) => ({
      key: r.key,
      totalSales: r.totalSales,
      previous: r.previous,
      vsPrevious: r.previousChange,
      yearAgo: r.yearAgo,
      vsLastYear: r.yearAgoChange,
    })),
    note: comparisonNote(comparison),
  });
  const tables = [
    table("regions", "Sales by region", "Region", comparison.groups.region),
  ];
  if (comparison.groups.buyer.length) {
    tables.push(
      table(
        "buyers",
        "Sales by new and returning customers",
        "Customers",
        comparison.groups.buyer,
      ),
    );
  }
  return tables;
}

/** Which periods the comparison columns compare with. */
function comparisonNote(comparison: SalesComparison): string {
  const span = (p: { from: string; to: string } | null) =>
    p ? `${p.from} to ${p.to}` : "no earlier data";
  return `Previous period: ${span(comparison.previousPeriod)}; last year: ${
    span(comparison.yearAgoPeriod)
  }.`;
}
