/**
 * Small pieces the sales charts share: money formats, label widths, stable
 * orders. Pure and free of Deno APIs, so the charts also run in a browser.
 *
 * @module
 */

import type * as Plot from "@observablehq/plot";
import { compareNames } from "../model/compare_names.ts";
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
 * About how many pixels the longest label takes in Plot's 10px
 * sans-serif: about 6px a character.
 */
export function labelWidth(labels: Iterable<string>): number {
  let longest = 0;
  for (const label of labels) longest = Math.max(longest, label.length);
  return Math.ceil(longest * 6);
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
 * heatmaps. The legend's width is a legend option Plot reads from the scale,
 * which its types do not list.
 */
export function shadedScale(
  format: NumberFormats,
  label: string,
): Plot.ScaleOptions & Pick<Plot.LegendOptions, "width"> {
  return {
    type: "quantize",
    n: 7,
    scheme: "blues",
    legend: true,
    label,
    tickFormat: legendTicks(format),
    width: 320,
  };
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
