import type { NumberFormats } from "../../figures/format/number_formats.ts";
import * as Plot from "@observablehq/plot";
import { plotChart } from "../plot_chart.ts";
import type { TopCategoryRow } from "../../figures/sales/grouped_totals.ts";
import {
  compactMoney,
  DEFAULT_FORMATS,
  DEFAULT_WIDTH,
  labelWidth,
  markText,
  money,
  moneyTicks,
  nameAxis,
  percent,
  sortedDistinct,
  withUnit,
} from "../chart_parts.ts";
import type { SalesChartOptions } from "./sales_chart_options.ts";

/**
 * The leading categories of each region as grouped horizontal bars: one
 * group per region (by name), bars in rank order, coloured by category with
 * a legend and labelled with the category's name and sales. Draws the rows
 * of `topCategoriesByRegion`.
 */
export function topCategoriesChart(
  rows: readonly TopCategoryRow[],
  options: SalesChartOptions = {},
): Element {
  const width = options.width ?? DEFAULT_WIDTH;
  const format = options.format ?? DEFAULT_FORMATS;
  const regions = sortedDistinct(rows.map((r) => r.region));
  const categories = sortedDistinct(rows.map((r) => r.category));
  const ranks = [...new Set(rows.map((r) => r.rank))].sort((a, b) => a - b);
  const n = ranks.length || 2;
  const title = options.title ??
    `Top ${n} categor${n === 1 ? "y" : "ies"} in each region`;
  const label = (r: TopCategoryRow) =>
    `${r.category} · ${compactMoney(r.totalSales, format)}`;
  return plotChart({
    document: options.document,
    width,
    height: 60 + Math.max(1, regions.length) * (n * 18 + 10),
    marginLeft: nameAxis("Region", regions, width).marginLeft,
    marginRight: Math.min(labelWidth(rows.map(label)) + 12, width / 3),
    title,
    ariaLabel: title,
    ariaDescription: describe(rows, regions, n, format),
    x: {
      label: withUnit("Net sales", format),
      tickFormat: moneyTicks(format),
      grid: true,
      nice: true,
      ticks: Math.max(2, Math.floor(width / 120)),
    },
    y: { axis: null, domain: ranks, padding: 0.15 },
    fy: {
      ...nameAxis("Region", regions, width).axis,
      domain: regions,
      padding: 0.2,
    },
    color: {
      legend: true,
      label: "Category",
      domain: categories,
      type: "ordinal",
      scheme: "tableau10",
    },
    marks: [
      Plot.barX(rows, {
        fy: "region",
        y: "rank",
        x: "totalSales",
        fill: "category",
        ...markText(
          options,
          (r: TopCategoryRow) =>
            `${r.region}, #${r.rank}: ${r.category}, ${
              money(r.totalSales, format)
            } (${percent(r.share, format)} of the region)`,
          (r) => ({ region: r.region, category: r.category }),
        ),
      }),
      Plot.text(rows, {
        fy: "region",
        y: "rank",
        x: "totalSales",
        text: label,
        textAnchor: "start",
        dx: 4,
      }),
      Plot.ruleX([0]),
    ],
  });
}

function describe(
  rows: readonly TopCategoryRow[],
  regions: string[],
  n: number,
  format: NumberFormats,
): string {
  if (rows.length === 0) return "No sales by region and category to show.";
  const leaders = regions.map((region) => {
    const first = rows.find((r) => r.region === region && r.rank === 1)!;
    return `${region}: ${first.category} (${money(first.totalSales, format)})`;
  });
  return `Grouped horizontal bars of the top ${n} categories by net sales in each of ${regions.length} region${
    regions.length === 1 ? "" : "s"
  }, coloured by category. Leaders: ${leaders.join("; ")}.`;
}
