import type { MonthOfYearSalesRow } from "../../figures/sales/series_from_days.ts";
import { averageDailyColumns } from "./average_daily_columns.ts";
import type { SalesChartOptions } from "./sales_chart_options.ts";

/**
 * Seasonality by month of the year: average net sales per day of each
 * month, January first, over all years of the period. Draws the rows of
 * `salesByMonthOfYear`.
 */
export function monthOfYearSalesChart(
  rows: readonly MonthOfYearSalesRow[],
  options: SalesChartOptions = {},
): Element {
  const ordered = [...rows].sort((a, b) => a.month - b.month)
    .map((r) => ({ ...r, name: r.monthName }));
  return averageDailyColumns(ordered, {
    title: "Sales by month of the year",
    caption:
      "Net sales divided by the number of days of that month in the period, all years together.",
    xLabel: "Month",
    lead: (n) =>
      `Columns of average net sales per day for ${n} month${
        n === 1 ? "" : "s"
      } of the year.`,
    best: "Strongest",
    perDay: " a day",
    empty: "No sales by month of the year to show.",
  }, options);
}
