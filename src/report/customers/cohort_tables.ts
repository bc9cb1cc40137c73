import type {
  CohortRow,
  CohortTable,
} from "../../figures/cohorts/cohort_table.ts";
import type { TableSpec } from "../table_spec.ts";

/** The months after the first that the summary table shows. */
export const SUMMARY_MONTHS = [1, 2, 3, 6, 12] as const;

/** What a summary cell says for the month the data ends inside. */
export const IN_PROGRESS = "in progress";

/**
 * The cohort tables, for the page and CSV: a summary (per cohort: its
 * customers, their net sales in the first month and the share buying in
 * months 1, 2, 3, 6 and 12 after it) and, folded, every month of every
 * cohort. A month the data ends inside reads "in progress" in the summary
 * and has no figures in the long table; a month after the data's last date
 * is "—" in the summary and absent from the long table. Never a zero for
 * either.
 */
export function cohortTables(table: CohortTable): TableSpec[] {
  const summaryCell = (row: CohortRow, offset: number) => {
    const month = row.months[offset];
    if (!month) return null;
    return month.status === "partial" ? IN_PROGRESS : month.share;
  };
  return [
    {
      id: "cohorts",
      title: "Cohorts: share buying again",
      columns: [
        { key: "cohort", label: "Cohort (first purchase)", kind: "text" },
        { key: "customers", label: "Customers", kind: "integer" },
        {
          key: "firstMonthSales",
          label: "Net sales, first month",
          kind: "money",
        },
        ...SUMMARY_MONTHS.map((m) => ({
          key: `month${m}`,
          label: `Month ${m}`,
          kind: "percent" as const,
        })),
      ],
      rows: table.rows.map((row) => ({
        cohort: row.cohort,
        customers: row.customers,
        firstMonthSales: row.months[0].status === "partial"
          ? IN_PROGRESS
          : row.months[0].revenue,
        ...Object.fromEntries(
          SUMMARY_MONTHS.map((m) => [`month${m}`, summaryCell(row, m)]),
        ),
      })),
      note: table.partialMonth
        ? `"${IN_PROGRESS}": ${table.partialMonth}, the month the data ends inside (last date ${table.lastDate}); "—": after the data's last date.`
        : `"—": after the data's last date (${table.lastDate ?? "none"}).`,
    },
    {
      id: "cohort-months",
      title: "Cohorts by month",
      columns: [
        { key: "cohort", label: "Cohort (first purchase)", kind: "text" },
        { key: "month", label: "Month", kind: "text" },
        { key: "offset", label: "Months since the first", kind: "integer" },
        { key: "status", label: "Status", kind: "text" },
        { key: "active", label: "Customers buying", kind: "integer" },
        { key: "share", label: "Share of the cohort", kind: "percent" },
        { key: "revenue", label: "Net sales", kind: "money" },
      ],
      rows: table.rows.flatMap((row) =>
        row.months.map((m) => ({
          cohort: row.cohort,
          month: m.month,
          offset: m.offset,
          status: m.status,
          active: m.active,
          share: m.share,
          revenue: m.revenue,
        }))
      ),
      folded: true,
    },
  ];
}
