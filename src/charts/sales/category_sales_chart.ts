import type { CategorySalesRow } from "../../figures/sales/grouped_totals.ts";
import { rankedBars } from "./ranked_bars.ts";
import type { SalesChartOptions } from "./sales_chart_options.ts";

/**
 * Net sales by category as horizontal bars, largest first (ties by name),
 * each labelled with its value and share. Draws the rows of `salesByCategory`.
 */
export function categorySalesChart(
  rows: readonly CategorySalesRow[],
  options: SalesChartOptions = {},
): Element {
  return rankedBars(
    rows.map((r) => ({
      name: r.category,
      totalSales: r.totalSales,
      share: r.share,
    })),
    {
      title: "Net sales by category",
      noun: ["category", "categories"],
      axis: "Category",
      filter: (category) => ({ category }),
    },
    options,
  );
}
