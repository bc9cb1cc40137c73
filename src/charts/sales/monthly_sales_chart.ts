import type { NumberFormats } from "../../figures/format/number_formats.ts";
import * as Plot from "@observablehq/plot";
import { plotChart } from "../plot_chart.ts";
import type { MonthlySalesRow } from "../../figures/sales/series_from_days.ts";
import {
  DEFAULT_FORMATS,
  DEFAULT_WIDTH,
  money,
  moneyMargin,
  monthEnd,
  netSalesAxis,
  percent,
  timeAxis,
  utcDate,
} from "../chart_parts.ts";
import type { SalesChartOptions } from "./sales_chart_options.ts";

/**
 * Net sales of each calendar month as columns on a time axis; months only
 * partly in the period (at its edges) lighter and labelled with their days.
 * Draws the rows of `monthlySales`.
 */
export function monthlySalesChart(
  rows: readonly MonthlySalesRow[],
  options: SalesChartOptions = {},
): Element {
  const width = options.width ?? DEFAULT_WIDTH;
  const format = options.format ?? DEFAULT_FORMATS;
  const title = options.title ?? "Monthly sales";
  const points = rows.map((r) => ({
    ...r,
    x: utcDate(r.month),
    length: Number(monthEnd(r.month).slice(8)),
  }));
  const partial = (p: typeof points[number]) => p.days < p.length;
  const href = options.filterHref;
  return plotChart({
    document: options.document,
    width,
    height: 300,
    marginLeft: moneyMargin(rows.map((r) => r.totalSales), format),
    marginBottom: 46,
    title,
    ariaLabel: title,
    ariaDescription: describe(rows, format),
    ...(points.some(partial)
      ? {
        caption:
          "Lighter columns: months only partly in the period, labelled with their days in it.",
      }
      : {}),
    x: timeAxis("Month", width),
    y: netSalesAxis(format, false),
    marks: [
      Plot.rectY(points, {
        x: "x",
        y: "totalSales",
        interval: "month",
        inset: 1,
        fill: (p: typeof points[number]) =>
          partial(p) ? "#a9c4de" : "steelblue",
        title: (p: MonthlySalesRow) =>
          `${p.month}: ${money(p.totalSales, format)}${
            p.change === null
              ? ""
              : ` (${p.change >= 0 ? "+" : ""}${
                percent(p.change, format)
              } on the month before)`
          }${p.days < 28 ? `, ${p.days} days in the period` : ""}`,
        tip: true,
        ...(href
          ? {
            href: (p: MonthlySalesRow) =>
              href({ from: `${p.month}-01`, to: monthEnd(p.month) }),
          }
          : {}),
      }),
      // A partial month's days, inside the plot: the first month's label
      // starts at its column's left edge (not centred on it, which would
      // reach over the y-axis labels on a narrow chart), any other's ends at
      // its right edge; a white halo keeps it readable over a neighbour.
      ...[points.slice(0, 1), points.slice(1)].map((edge, i) =>
        Plot.text(edge.filter(partial), {
          x: (p: typeof points[number]) =>
            i === 0 ? p.x : new Date(p.x.getTime() + p.length * 86_400_000),
          y: "totalSales",
          text: (p: typeof points[number]) => `${p.days} d`,
          textAnchor: i === 0 ? "start" : "end",
          dx: i === 0 ? 2 : -2,
          dy: -8,
          stroke: "white",
          strokeWidth: 3,
          fill: "currentColor",
        })
      ),
      Plot.ruleY([0]),
    ],
  });
}

function describe(
  rows: readonly MonthlySalesRow[],
  format: NumberFormats,
): string {
  if (rows.length === 0) return "No monthly sales to show.";
  const best = rows.reduce((a, b) => b.totalSales > a.totalSales ? b : a);
  return `Columns of net sales for ${rows.length} month${
    rows.length === 1 ? "" : "s"
  }, ${rows[0].month} to ${
    rows[rows.length - 1].month
  }. Best month: ${best.month} with ${money(best.totalSales, format)}.`;
}
