import * as Plot from "@observablehq/plot";
import type { WeekdaySalesRow } from "../analysis/sales_by_weekday.ts";
import { DEFAULT_WIDTH, money, moneyTicks, withUnit } from "./chart_parts.ts";
import type { SalesChartOptions } from "./sales_chart_options.ts";

/**
 * Average net sales of each day of the week, Monday first. Draws the rows of
 * `salesByWeekday`.
 */
export function weekdaySalesChart(
  rows: readonly WeekdaySalesRow[],
  options: SalesChartOptions = {},
): Element {
  const width = options.width ?? DEFAULT_WIDTH;
  const currency = options.currency ?? "";
  const title = options.title ?? "Sales by day of the week";
  const ordered = [...rows].sort((a, b) => a.weekday - b.weekday);
  return Plot.plot({
    document: options.document,
    width,
    height: 260,
    marginLeft: 56,
    title,
    ariaLabel: title,
    ariaDescription: describe(ordered, currency),
    caption: "Net sales divided by the number of such days in the period.",
    x: { label: "Day of the week", domain: ordered.map((r) => r.weekdayName) },
    y: {
      label: withUnit("Average net sales per day", currency),
      tickFormat: moneyTicks(rows.map((r) => r.averageDailySales), currency),
      grid: true,
      nice: true,
    },
    marks: [
      Plot.barY(ordered, {
        x: "weekdayName",
        y: "averageDailySales",
        fill: "steelblue",
        title: (r: WeekdaySalesRow) =>
          `${r.weekdayName}: ${
            money(r.averageDailySales, currency)
          } a day over ${r.days} days`,
      }),
      Plot.ruleY([0]),
    ],
  });
}

function describe(rows: readonly WeekdaySalesRow[], currency: string): string {
  if (rows.length === 0) return "No sales by day of the week to show.";
  const best = rows.reduce((a, b) =>
    b.averageDailySales > a.averageDailySales ? b : a
  );
  const worst = rows.reduce((a, b) =>
    b.averageDailySales < a.averageDailySales ? b : a
  );
  return `Columns of average net sales per day for ${rows.length} days of the week, Monday first. Best: ${best.weekdayName} at ${
    money(best.averageDailySales, currency)
  }; weakest: ${worst.weekdayName} at ${
    money(worst.averageDailySales, currency)
  }.`;
}
