/**
 * Small pieces the sales charts share: money formats, label widths, stable
 * orders. Pure and free of Deno APIs, so the charts also run in a browser.
 *
 * @module
 */

import type * as Plot from "@observablehq/plot";
import { compareNames } from "../model/compare_names.ts";
import { FONT_SIZE } from "./plot_chart.ts";
import type { ChartFilter, ChartOptions } from "./chart_options.ts";
import {
  type NumberFormats,
  numberFormats,
} from "../figures/format/number_formats.ts";

/** The default chart width in pixels. */
export const DEFAULT_WIDTH = 640;

/**
 * A tick format for a money axis: compact money in the report's currency
 * and locale (`$20K`, `$1.5M`, `1,5 Mio. €`), so that every axis reads the
 * same way.
 */
export function moneyTicks(format: NumberFormats): (value: number) => string {
  return (value: number) => format.compactMoney(value);
}

/** A tick format for prices to the cent: `$3.25`, `3,25 €`. */
export function priceTicks(format: NumberFormats): (value: number) => string {
  return (value: number) => format.money(value);
}

/**
 * The x scale of a chart over time: UTC dates, about one tick per 110 px.
 */
export function timeAxis(label: string, width: number) {
  return {
    label,
    type: "utc" as const,
    labelOffset: 40,
    ticks: Math.max(2, Math.floor(width / 110)),
  };
}

/**
 * The y scale of net sales: the currency in the label, compact money ticks,
 * a grid; `zero` keeps 0 in the domain (lines), bars have it anyway.
 */
export function netSalesAxis(format: NumberFormats, zero = true) {
  return {
    label: withUnit("Net sales", format),
    tickFormat: moneyTicks(format),
    grid: true,
    nice: true,
    ...(zero ? { zero: true } : {}),
  };
}

/** An axis label with its currency: `Net sales (EUR)`. */
export function withUnit(text: string, format: NumberFormats): string {
  return `${text} (${format.currency})`;
}

/** Money in words for a description or a tooltip: `$1,235`, `-$20`. */
export function money(value: number, format: NumberFormats): string {
  return format.wholeMoney(value);
}

/** A price to the cent: `$3.25`. */
export function price(value: number, format: NumberFormats): string {
  return format.money(value);
}

/** A ratio as a percentage: `26.4%`. */
export function percent(
  ratio: number,
  format: NumberFormats = DEFAULT_FORMATS,
): string {
  return format.percent(ratio);
}

/** Money compactly, for a bar label: `$12.8M`, `$940`. */
export function compactMoney(value: number, format: NumberFormats): string {
  return format.compactMoney(value);
}

/** The formats a chart uses when its options give none: en-US, USD. */
export const DEFAULT_FORMATS: NumberFormats = numberFormats();

/**
 * About how many pixels the longest label takes in the charts' sans-serif
 * at {@linkcode FONT_SIZE} pixels: about 0.6 of the size a character.
 */
export function labelWidth(labels: Iterable<string>): number {
  let longest = 0;
  for (const label of labels) longest = Math.max(longest, label.length);
  return Math.ceil(longest * FONT_SIZE * 0.6);
}

/**
 * A left margin that fits the tick labels plus the rotated axis label beside
 * them, between `min` and a third of the width.
 */
export function marginFor(
  labels: Iterable<string>,
  width: number,
  min = 40,
): number {
  return Math.round(
    Math.min(Math.max(labelWidth(labels) + 30, min), width / 3),
  );
}

/**
 * A compact tick format for a colour legend, where space is short: compact
 * money, as on the axes.
 */
export function legendTicks(
  format: NumberFormats,
): (value: number) => string {
  return (value: number) => format.compactMoney(value);
}

/** Below this width a chart is narrow (a phone): band axes drop their label. */
export const NARROW_WIDTH = 480;

/** Shortens a label to `max` characters with an ellipsis. */
export function shorten(label: string, max: number): string {
  return label.length <= max ? label : `${label.slice(0, max - 1)}…`;
}

/**
 * The band axis of names (stores, categories, regions) and the left margin
 * it takes: room for the longest name and the rotated axis label, up to a
 * third of the width. On a narrow chart the axis label goes (the names say
 * what they are) and the names may take 40 % of the width; names longer
 * than fit end in an ellipsis (the tip gives them whole).
 */
export function nameAxis(
  label: string,
  names: readonly string[],
  width: number,
): {
  marginLeft: number;
  axis: { label: string | null; tickFormat?: (name: string) => string };
} {
  const narrow = width < NARROW_WIDTH;
  const most = Math.floor(width * (narrow ? 0.4 : 1 / 3));
  const beside = narrow ? 10 : 32;
  const fits = Math.max(4, Math.floor((most - beside) / (FONT_SIZE * 0.6)));
  const long = names.some((n) => n.length > fits);
  return {
    marginLeft: Math.round(
      Math.min(Math.max(labelWidth(names) + beside, 40), most),
    ),
    axis: {
      label: narrow ? null : label,
      ...(long ? { tickFormat: (name: string) => shorten(name, fits) } : {}),
    },
  };
}

/** Names ordered by value, largest first, ties broken by name. */
export function rankedNames<T>(
  rows: readonly T[],
  name: (row: T) => string,
  value: (row: T) => number,
): string[] {
  return [...rows]
    .sort((a, b) => value(b) - value(a) || compareNames(name(a), name(b)))
    .map(name);
}

/** Distinct values in name order (see `compareNames`). */
export function sortedDistinct(values: Iterable<string>): string[] {
  return [...new Set(values)].sort(compareNames);
}

/** Distinct values in first-seen order. */
export function distinct(values: Iterable<string>): string[] {
  return [...new Set(values)];
}

/** A `YYYY-MM-DD` (or `YYYY-MM`) string as a UTC Date. */
export function utcDate(date: string): Date {
  return new Date(`${date.length === 7 ? `${date}-01` : date}T00:00:00Z`);
}

/**
 * A colour scale of seven shades of blue with a compact legend, for the
 * heatmaps of `values`. It starts at zero, so that the palest shade means
 * little sales, not the least of these cells; below zero (returns over
 * sales) when a value is. The legend's width is a legend option Plot reads
 * from the scale, which its types do not list.
 */
export function shadedScale(
  format: NumberFormats,
  label: string,
  values: readonly number[],
  width: number = DEFAULT_WIDTH,
): Plot.ScaleOptions & Pick<Plot.LegendOptions, "width"> {
  let low = 0;
  let high = 0;
  for (const v of values) {
    if (v < low) low = v;
    if (v > high) high = v;
  }
  return {
    type: "quantize",
    n: 7,
    scheme: "blues",
    domain: [low, high > low ? high : low + 1],
    legend: true,
    label,
    tickFormat: legendTicks(format),
    width: Math.min(360, width),
  };
}

/** The last day of a `YYYY-MM` month: `2024-02` → `2024-02-29`. */
export function monthEnd(month: string): string {
  const [year, m] = month.split("-").map(Number);
  return new Date(Date.UTC(year, m, 0)).toISOString().slice(0, 10);
}

/**
 * A left margin for a vertical money axis: room for the longest compact
 * label of the values (`48,6 Mio. €` is wider than `$48.6M`), at least 56.
 */
export function moneyMargin(
  values: readonly number[],
  format: NumberFormats,
): number {
  const extremes = values.length
    ? [Math.min(...values), Math.max(...values)]
    : [0];
  return Math.max(56, labelWidth(extremes.map(format.compactMoney)) + 24);
}

/**
 * The hover text of a mark's elements: shown in Plot's tip, and each
 * element's `aria-label` for screen readers; with the chart's `filterHref`
 * and a `filter`, each element is also a link that filters the page by
 * what it stands for.
 */
export function markText<T>(
  options: ChartOptions,
  title: (row: T) => string,
  filter?: (row: T) => ChartFilter,
): {
  title: (row: T) => string;
  ariaLabel: (row: T) => string;
  tip: true;
  href?: (row: T) => string;
} {
  const href = options.filterHref;
  return {
    title,
    ariaLabel: title,
    tip: true,
    ...(href && filter ? { href: (row: T) => href(filter(row)) } : {}),
  };
}
