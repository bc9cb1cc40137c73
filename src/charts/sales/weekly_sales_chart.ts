import type { NumberFormats } from "../../figures/format/number_formats.ts";
import * as Plot from "@observablehq/plot";
import { plotChart } from "../plot_chart.ts";
import { partialLinks } from "./partial_links.ts";
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
import type { LastYearWeek } from "../../figures/sales/sales_comparison.ts";

/** Options of {@linkcode weeklySalesChart}. */
export interface WeeklySalesChartOptions extends SalesChartOptions {
  /**
   * Last year's line: each week's net sales 52 weeks before (see
   * `SalesComparison.lastYearWeekly`), drawn dashed in grey. Default none.
   */
  lastYear?: readonly LastYearWeek[];
}

/**
 * Net sales by ISO week as a line, partial weeks at the period's edges drawn
 * as hollow dots on dashed links (the last one labelled), so that a week of
 * two days does not read as a collapse. Draws the rows of `weeklySales`;
 * with `lastYear`, the weeks 52 weeks before as a dashed grey line under it.
 */
export function weeklySalesChart(
  rows: readonly WeeklySalesRow[],
  options: WeeklySalesChartOptions = {},
): Element {
  const width = options.width ?? DEFAULT_WIDTH;
  const format = options.format ?? DEFAULT_FORMATS;
  const title = options.title ?? "Weekly sales";
  const points = rows.map((r) => ({ ...r, x: utcDate(r.weekStart) }));
  // Partial weeks at the edges stand apart: dashed links, not a cliff of
  // the line; a gap left out breaks the line (a point without a value).
  const { solid, links } = partialLinks(
    rows.map((r) => r.days < 7),
    rows.map((r) => Boolean(r.gapBefore)),
  );
  const line = points.flatMap((p, i) => {
    const point = solid[i] ? p : { ...p, totalSales: NaN };
    return p.gapBefore ? [{ ...p, totalSales: NaN }, point] : [point];
  });
  const dashed = links.flatMap(([a, b], link) => [
    { ...points[a], link },
    { ...points[b], link },
  ]);
  const last = points.at(-1);
  const tip = (p: WeeklySalesRow) =>
    `${p.week} (from ${p.weekStart}${
      p.days < 7 ? `, ${p.days} of 7 days in the period` : ""
    }): ${money(p.totalSales, format)}`;
  const lastYear = lastYearLine(options.lastYear ?? []);
  return plotChart({
    document: options.document,
    width,
    height: 300,
    marginLeft: moneyMargin(
      [...rows, ...lastYear].map((r) => r.totalSales),
      format,
    ),
    marginBottom: 46,
    title,
    ariaLabel: title,
    ariaDescription: describe(rows, format) +
      (lastYear.length
        ? ` Dashed grey line: the same weeks a year earlier, ${
          money(sum(lastYear), format)
        } over ${lastYear.length} weeks against ${
          money(sumMatching(rows, options.lastYear ?? []), format)
        } this year.`
        : ""),
    caption:
      `ISO weeks, Monday to Sunday, by the date of their Monday. Hollow dots and dashed lines: weeks only partly in the period.${
        rows.some((r) => r.gapBefore)
          ? ` Weeks in gaps of more than ${MAX_GAP_DAYS} days without sales are left out.`
          : ""
      }${
        lastYear.length
          ? " Dashed grey line: last year, the week 52 weeks before each week."
          : ""
      }`,
    x: timeAxis("Week starting", width),
    y: netSalesAxis(format),
    marks: [
      ...(lastYear.length
        ? [Plot.lineY(lastYear, {
          x: "x",
          y: "totalSales",
          stroke: "#767676",
          strokeDasharray: "4 3",
          title: (p: LastYearWeek) =>
            `Last year, week from ${p.lastYearWeekStart}: ${
              money(p.totalSales, format)
            }`,
        })]
        : []),
      Plot.lineY(line, { x: "x", y: "totalSales", stroke: "steelblue" }),
      Plot.lineY(dashed, {
        x: "x",
        y: "totalSales",
        z: "link",
        stroke: "steelblue",
        strokeDasharray: "3,3",
        strokeOpacity: 0.7,
      }),
      Plot.dot(points, {
        x: "x",
        y: "totalSales",
        r: 2.5,
        stroke: "steelblue",
        fill: (p: WeeklySalesRow) => p.days < 7 ? "white" : "steelblue",
        title: tip,
        tip: "x",
      }),
      Plot.text(last && last.days < 7 ? [last] : [], {
        x: "x",
        y: "totalSales",
        text: (p: WeeklySalesRow) => `partial: ${p.days} of 7 days`,
        textAnchor: "end",
        dx: -6,
        dy: -8,
      }),
    ],
  });
}

/**
 * Last year's points at this year's weeks; a week without its year-ago
 * week breaks the line.
 */
function lastYearLine(weeks: readonly LastYearWeek[]) {
  const out: (LastYearWeek & { x: Date })[] = [];
  weeks.forEach((w, i) => {
    const gap = i > 0 &&
      utcDate(w.weekStart).getTime() -
            utcDate(weeks[i - 1].weekStart).getTime() > 7 * 86_400_000;
    if (gap) out.push({ ...w, totalSales: NaN, x: utcDate(w.weekStart) });
    out.push({ ...w, x: utcDate(w.weekStart) });
  });
  return out;
}

function sum(rows: readonly { totalSales: number }[]): number {
  return rows.reduce(
    (s, r) => s + (Number.isNaN(r.totalSales) ? 0 : r.totalSales),
    0,
  );
}

/** This year's net sales over the weeks that have a year-ago week. */
function sumMatching(
  rows: readonly WeeklySalesRow[],
  weeks: readonly LastYearWeek[],
): number {
  const matched = new Set(weeks.map((w) => w.weekStart));
  return sum(rows.filter((r) => matched.has(r.weekStart)));
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
