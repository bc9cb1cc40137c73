import type { NumberFormats } from "../../figures/format/number_formats.ts";
import * as Plot from "@observablehq/plot";
import type { WeeklySalesRow } from "../../figures/sales/series_from_days.ts";
import { MAX_GAP_DAYS } from "../../figures/sales/day_totals.ts";
import {
  DEFAULT_FORMATS,
  DEFAULT_WIDTH,
  money,
  moneyMargin,
  netSalesAxis,
  rankedNames,
  timeAxis,
  utcDate,
} from "../chart_parts.ts";
import type { SalesChartOptions } from "./sales_chart_options.ts";

/**
 * Net sales by ISO week as a line, partial weeks at the period's edges drawn
 * as hollow dots. Draws the rows of `weeklySales`.
 */
export function weeklySalesChart(
  rows: readonly WeeklySalesRow[],
  options: SalesChartOptions = {},
): Element {
  const width = options.width ?? DEFAULT_WIDTH;
  const format = options.format ?? DEFAULT_FORMATS;
  const title = options.title ?? "Weekly sales";
  const points = rows.map((r) => ({ ...r, x: utcDate(r.weekStart) }));
  // A gap left out breaks the line: a point without a value before the row.
  const line = rows.flatMap((r, i) =>
    r.gapBefore ? [{ ...points[i], totalSales: NaN }, points[i]] : [points[i]]
  );
  return Plot.plot({
    document: options.document,
    width,
    height: 300,
    marginLeft: moneyMargin(rows.map((r) => r.totalSales), format),
    marginBottom: 46,
    title,
    ariaLabel: title,
    ariaDescription: describe(rows, format),
    caption:
      `ISO weeks, Monday to Sunday, by the date of their Monday. Hollow dots: weeks only partly in the period.${
        rows.some((r) => r.gapBefore)
          ? ` Weeks in gaps of more than ${MAX_GAP_DAYS} days without sales are left out.`
          : ""
      }`,
    x: timeAxis("Week starting", width),
    y: netSalesAxis(format),
    marks: [
      Plot.lineY(line, { x: "x", y: "totalSales", stroke: "steelblue" }),
      Plot.dot(points, {
        x: "x",
        y: "totalSales",
        r: 2.5,
        stroke: "steelblue",
        fill: (p: WeeklySalesRow) => p.days < 7 ? "white" : "steelblue",
        title: (p: WeeklySalesRow) =>
          `${p.week} (from ${p.weekStart}${
            p.days < 7 ? `, ${p.days} days` : ""
          }): ${money(p.totalSales, format)}`,
      }),
    ],
  });
}

function describe(
  rows: readonly WeeklySalesRow[],
  format: NumberFormats,
): string {
  if (rows.length === 0) return "No weekly sales to show.";
  const best = rankedNames(rows, (r) => r.week, (r) => r.totalSales)[0];
  const top = rows.find((r) => r.week === best)!;
  const partial = rows.filter((r) => r.days < 7).length;
  return `Line of net sales over ${rows.length} ISO week${
    rows.length === 1 ? "" : "s"
  }, ${rows[0].week} to ${
    rows[rows.length - 1].week
  }. Best week: ${top.week} with ${money(top.totalSales, format)}.${
    partial
      ? ` ${partial} partial week${partial === 1 ? "" : "s"} at the edges.`
      : ""
  }`;
}
