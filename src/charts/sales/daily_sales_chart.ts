import type { NumberFormats } from "../../figures/format/number_formats.ts";
import * as Plot from "@observablehq/plot";
import { plotChart } from "../plot_chart.ts";
import type { DailySalesRow } from "../../figures/sales/series_from_days.ts";
import { MAX_GAP_DAYS } from "../../figures/sales/day_totals.ts";
import {
  DEFAULT_FORMATS,
  DEFAULT_WIDTH,
  money,
  moneyMargin,
  netSalesAxis,
  timeAxis,
  utcDate,
} from "../chart_parts.ts";
import type { SalesChartOptions } from "./sales_chart_options.ts";

/** Options for {@linkcode dailySalesChart}. */
export interface DailySalesChartOptions extends SalesChartOptions {
  /** The moving average's window in days, for the legend. Default 7. */
  window?: number;
}

/**
 * Net sales of each day (thin grey line) with the trailing moving average
 * (bold line). Draws the rows of `dailySales`.
 */
export function dailySalesChart(
  rows: readonly DailySalesRow[],
  options: DailySalesChartOptions = {},
): Element {
  const width = options.width ?? DEFAULT_WIDTH;
  const format = options.format ?? DEFAULT_FORMATS;
  const title = options.title ?? "Daily sales";
  const daily = "Daily net sales";
  const average = `${options.window ?? 7}-day moving average`;
  // A gap left out breaks both lines: a point without values before the row.
  const points = rows.flatMap((r) => {
    const point = { ...r, x: utcDate(r.date) };
    return r.gapBefore
      ? [{ ...point, totalSales: NaN, movingAverage: NaN }, point]
      : [point];
  });
  const leftOut = rows.reduce((sum, r) => sum + (r.gapBefore ?? 0), 0);
  return plotChart({
    document: options.document,
    width,
    height: 300,
    marginLeft: moneyMargin(rows.map((r) => r.totalSales), format),
    marginBottom: 46,
    title,
    ariaLabel: title,
    ariaDescription: describe(rows, average, format),
    ...(leftOut
      ? {
        caption: `${
          format.integer(leftOut)
        } days without sales left out, in gaps of more than ${MAX_GAP_DAYS} days: the lines break there.`,
      }
      : {}),
    x: timeAxis("Date", width),
    y: netSalesAxis(format),
    color: {
      legend: true,
      domain: [daily, average],
      range: ["#9aa5b1", "#1f5f99"],
    },
    marks: [
      Plot.lineY(points, {
        x: "x",
        y: "totalSales",
        stroke: () => daily,
        strokeWidth: 1,
      }),
      Plot.lineY(points, {
        x: "x",
        y: "movingAverage",
        stroke: () => average,
        strokeWidth: 2.5,
      }),
      Plot.tip(
        rows,
        Plot.pointerX({
          x: (r: DailySalesRow) => utcDate(r.date),
          y: "totalSales",
          title: (r: DailySalesRow) =>
            `${r.date}: ${money(r.totalSales, format)}\n${average}: ${
              money(r.movingAverage, format)
            }`,
        }),
      ),
    ],
  });
}

function describe(
  rows: readonly DailySalesRow[],
  average: string,
  format: NumberFormats,
): string {
  if (rows.length === 0) return "No daily sales to show.";
  const last = rows[rows.length - 1];
  const best = rows.reduce((a, b) => b.totalSales > a.totalSales ? b : a);
  return `Lines of daily net sales and their ${average} over ${rows.length} day${
    rows.length === 1 ? "" : "s"
  }, ${rows[0].date} to ${last.date}. Best day: ${best.date} with ${
    money(best.totalSales, format)
  }; the average ends at ${money(last.movingAverage, format)} a day.`;
}
