import * as Plot from "@observablehq/plot";
import type { MonthOfYearSalesRow } from "../analysis/sales_by_month_of_year.ts";
import { DEFAULT_WIDTH, money, moneyTicks, withUnit } from "./chart_parts.ts";
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
  const width = options.width ?? DEFAULT_WIDTH;
  const currency = options.currency ?? "";
  const title = options.title ?? "Sales by month of the year";
  const ordered = [...rows].sort((a, b) => a.month - b.month);
  return Plot.plot({
    document: options.document,
    width,
    height: 260,
    marginLeft: 56,
    title,
    ariaLabel: title,
    ariaDescription: describe(ordered, currency),
    caption:
      "Net sales divided by the number of days of that month in the period, all years together.",
    x: { label: "Month", domain: ordered.map((r) => r.monthName) },
    y: {
      label: withUnit("Average net sales per day", currency),
      tickFormat: moneyTicks(rows.map((r) => r.averageDailySales), currency),
      grid: true,
      nice: true,
    },
    marks: [
      Plot.barY(ordered, {
        x: "monthName",
        y: "averageDailySales",
        fill: "steelblue",
        title: (r: MonthOfYearSalesRow) =>
          `${r.monthName}: ${
            money(r.averageDailySales, currency)
          } a day over ${r.days} days`,
      }),
      Plot.ruleY([0]),
    ],
  });
}

function describe(
  rows: readonly MonthOfYearSalesRow[],
  currency: string,
): string {
  if (rows.length === 0) return "No sales by month of the year to show.";
  const best = rows.reduce((a, b) =>
    b.averageDailySales > a.averageDailySales ? b : a
  );
  const worst = rows.reduce((a, b) =>
    b.averageDailySales < a.averageDailySales ? b : a
  );
  return `Columns of average net sales per day for ${rows.length} month${
    rows.length === 1 ? "" : "s"
  } of the year. Strongest: ${best.monthName} at ${
    money(best.averageDailySales, currency)
  } a day; weakest: ${worst.monthName} at ${
    money(worst.averageDailySales, currency)
  } a day.`;
}
