import type { NumberFormats } from "../../figures/format/number_formats.ts";
import * as Plot from "@observablehq/plot";
import { plotChart } from "../plot_chart.ts";
import type { WeekdayWeekCell } from "../../figures/sales/series_from_days.ts";
import {
  DEFAULT_FORMATS,
  DEFAULT_WIDTH,
  distinct,
  labelWidth,
  marginFor,
  markText,
  money,
  shadedScale,
  withUnit,
} from "../chart_parts.ts";
import type { SalesChartOptions } from "./sales_chart_options.ts";

const WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

/**
 * A seasonality heatmap: one cell per day, ISO weeks across and weekdays
 * down (Monday on top), shaded by net sales in seven steps. Draws the cells
 * of `weekdayWeekGrid`.
 */
export function weekdayWeekGridChart(
  cells: readonly WeekdayWeekCell[],
  options: SalesChartOptions = {},
): Element {
  const width = options.width ?? DEFAULT_WIDTH;
  const format = options.format ?? DEFAULT_FORMATS;
  const title = options.title ?? "Daily sales by week and weekday";
  const weeks = distinct(cells.map((c) => c.week));
  const marginLeft = marginFor(WEEKDAYS, width);
  const marginRight = 20;
  // Labels of weeks apart enough not to run into each other.
  const every = Math.max(
    1,
    Math.ceil(
      weeks.length * (labelWidth(weeks.slice(0, 1)) + 14) /
        (width - marginLeft - marginRight),
    ),
  );
  const label = withUnit("Net sales per day", format);
  return plotChart({
    document: options.document,
    width,
    height: 40 + 7 * 22 + 30,
    marginLeft,
    marginRight,
    marginBottom: 40,
    title,
    ariaLabel: title,
    ariaDescription: describe(cells, weeks, format),
    caption:
      "ISO weeks, Monday first; each week is labelled by its ISO year and number.",
    x: {
      label: "ISO week",
      domain: weeks,
      ticks: weeks.filter((_, i) => i % every === 0),
      tickSize: 0,
    },
    y: { label: "Weekday", domain: WEEKDAYS, tickSize: 0 },
    color: shadedScale(
      format,
      label,
      cells.map((c) => c.totalSales),
      width,
    ),
    marks: [
      Plot.cell(cells, {
        x: "week",
        y: "weekdayName",
        fill: "totalSales",
        inset: 0.5,
        ...markText(
          options,
          (c: WeekdayWeekCell) =>
            `${c.date} (${c.weekdayName}, ${c.week}): ${
              money(c.totalSales, format)
            }`,
          (c) => ({ from: c.date, to: c.date }),
        ),
      }),
    ],
  });
}

function describe(
  cells: readonly WeekdayWeekCell[],
  weeks: string[],
  format: NumberFormats,
): string {
  if (cells.length === 0) return "No daily sales to show.";
  const best = cells.reduce((a, b) => b.totalSales > a.totalSales ? b : a);
  return `Heatmap of daily net sales, ${weeks.length} ISO week${
    weeks.length === 1 ? "" : "s"
  } across (${weeks[0]} to ${
    weeks[weeks.length - 1]
  }) and seven weekdays down, darker for higher sales. Best day: ${best.date} (${best.weekdayName}) with ${
    money(best.totalSales, format)
  }.`;
}
