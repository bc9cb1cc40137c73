import type { WeekdaySalesRow } from "../../figures/sales/series_from_days.ts";
import { averageDailyColumns } from "./average_daily_columns.ts";
import type { SalesChartOptions } from "./sales_chart_options.ts";

/**
 * Average net sales of each day of the week, Monday first. Draws the rows of
 * `salesByWeekday`.
 */
export function weekdaySalesChart(
  rows: readonly WeekdaySalesRow[],
  options: SalesChartOptions = {},
): Element {
  const ordered = [...rows].sort((a, b) => a.weekday - b.weekday)
    .map((r) => ({ ...r, name: r.weekdayName }));
  return averageDailyColumns(ordered, {
    title: "Sales by day of the week",
    caption: "Net sales divided by the number of such days in the period.",
    xLabel: "Day of the week",
    lead: (n) =>
      `Columns of average net sales per day for ${n} days of the week, Monday first.`,
    best: "Best",
    perDay: "",
    empty: "No sales by day of the week to show.",
  }, options);
}
