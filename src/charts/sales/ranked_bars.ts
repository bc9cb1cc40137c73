import type { NumberFormats } from "../../figures/format/number_formats.ts";
import * as Plot from "@observablehq/plot";
import { plotChart } from "../plot_chart.ts";
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
  rankedNames,
  withUnit,
} from "../chart_parts.ts";
import type { SalesChartOptions } from "./sales_chart_options.ts";
import type { ChartFilter } from "../chart_options.ts";

/** What {@linkcode rankedBars} draws: one named total with its share. */
export interface RankedBar {
  name: string;
  totalSales: number;
  share: number;
}

/** What the ranked bars are of: "category", "channel"... */
export interface RankedBarsText {
  title: string;
  /** Singular and plural names of a bar: ["category", "categories"]. */
  noun: [string, string];
  /** The axis label of the names. */
  axis: string;
  /** What a click on a bar filters by (see `ChartOptions.filterHref`). */
  filter?: (name: string) => ChartFilter;
}

/**
 * Horizontal bars of net sales, largest first (ties by name), each labelled
 * with its value and share. Shared by the category and channel charts.
 */
export function rankedBars(
  bars: readonly RankedBar[],
  text: RankedBarsText,
  options: SalesChartOptions,
): Element {
  const width = options.width ?? DEFAULT_WIDTH;
  const format = options.format ?? DEFAULT_FORMATS;
  const names = rankedNames(bars, (b) => b.name, (b) => b.totalSales);
  const label = (b: RankedBar) =>
    `${compactMoney(b.totalSales, format)} · ${percent(b.share, format)}`;
  const title = options.title ?? text.title;
  return plotChart({
    document: options.document,
    width,
    height: 50 + Math.max(1, names.length) * 26,
    marginLeft: nameAxis(text.axis, names, width).marginLeft,
    marginRight: labelWidth(bars.map(label)) + 12,
    title,
    ariaLabel: title,
    ariaDescription: describe(bars, names, text, format),
    x: {
      label: withUnit("Net sales", format),
      tickFormat: moneyTicks(format),
      grid: true,
      nice: true,
      ticks: Math.max(2, Math.floor(width / 120)),
    },
    y: { ...nameAxis(text.axis, names, width).axis, domain: names },
    marks: [
      Plot.barX(bars, {
        x: "totalSales",
        y: "name",
        fill: "steelblue",
        ...markText(
          options,
          (b: RankedBar) =>
            `${b.name}: ${money(b.totalSales, format)} (${
              percent(b.share, format)
            } of net sales)`,
          text.filter ? (b) => text.filter!(b.name) : undefined,
        ),
      }),
      Plot.text(bars, {
        x: "totalSales",
        y: "name",
        text: label,
        textAnchor: "start",
        dx: 4,
      }),
      Plot.ruleX([0]),
    ],
  });
}

function describe(
  bars: readonly RankedBar[],
  names: string[],
  text: RankedBarsText,
  format: NumberFormats,
): string {
  if (bars.length === 0) return `No sales by ${text.noun[0]} to show.`;
  const byName = new Map(bars.map((b) => [b.name, b]));
  const top = byName.get(names[0])!;
  const count = `${bars.length} ${
    bars.length === 1 ? text.noun[0] : text.noun[1]
  }`;
  return `Horizontal bars of net sales for ${count}, largest first. ${top.name} leads with ${
    money(top.totalSales, format)
  } (${percent(top.share, format)} of net sales).`;
}
