import type { NumberFormats } from "../../figures/format/number_formats.ts";
import * as Plot from "@observablehq/plot";
import { plotChart } from "../plot_chart.ts";
import type { MonthCategoryCell } from "../../figures/sales/grouped_totals.ts";
import {
  DEFAULT_FORMATS,
  DEFAULT_WIDTH,
  distinct,
  labelWidth,
  marginFor,
  markText,
  money,
  monthEnd,
  shadedScale,
  sortedDistinct,
  withUnit,
} from "../chart_parts.ts";
import type { SalesChartOptions } from "./sales_chart_options.ts";

/**
 * A seasonality heatmap: months across, categories down (by name), shaded
 * by net sales in seven steps. Draws the cells of `monthCategoryGrid`.
 */
export function monthCategoryGridChart(
  cells: readonly MonthCategoryCell[],
  options: SalesChartOptions = {},
): Element {
  const width = options.width ?? DEFAULT_WIDTH;
  const format = options.format ?? DEFAULT_FORMATS;
  const title = options.title ?? "Monthly sales by category";
  const months = distinct(cells.map((c) => c.month)).sort();
  const categories = sortedDistinct(cells.map((c) => c.category));
  const marginLeft = marginFor(categories, width);
  const every = Math.max(
    1,
    Math.ceil(
      months.length * (labelWidth(months.slice(0, 1)) + 14) /
        (width - marginLeft - 20),
    ),
  );
  const label = withUnit("Net sales per month", format);
  return plotChart({
    document: options.document,
    width,
    height: 70 + Math.max(1, categories.length) * 24,
    marginLeft,
    marginRight: 20,
    title,
    ariaLabel: title,
    ariaDescription: describe(cells, months, categories, format),
    x: {
      label: "Month",
      domain: months,
      ticks: months.filter((_, i) => i % every === 0),
      tickSize: 0,
    },
    y: { label: "Category", domain: categories, tickSize: 0 },
    color: shadedScale(
      format,
      label,
      cells.map((c) => c.totalSales),
      width,
    ),
    marks: [
      Plot.cell(cells, {
        x: "month",
        y: "category",
        fill: "totalSales",
        inset: 0.5,
        ...markText(
          options,
          (c: MonthCategoryCell) =>
            `${c.category}, ${c.month}: ${money(c.totalSales, format)}`,
          (c) => ({
            category: c.category,
            from: `${c.month}-01`,
            to: monthEnd(c.month),
          }),
        ),
      }),
    ],
  });
}

function describe(
  cells: readonly MonthCategoryCell[],
  months: string[],
  categories: string[],
  format: NumberFormats,
): string {
  if (cells.length === 0) return "No monthly sales by category to show.";
  const best = cells.reduce((a, b) => b.totalSales > a.totalSales ? b : a);
  return `Heatmap of net sales, ${months.length} month${
    months.length === 1 ? "" : "s"
  } across (${months[0]} to ${
    months[months.length - 1]
  }) and ${categories.length} categor${
    categories.length === 1 ? "y" : "ies"
  } down, darker for higher sales. Highest: ${best.category} in ${best.month} with ${
    money(best.totalSales, format)
  }.`;
}
