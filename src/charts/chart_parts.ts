/**
 * Small pieces the sales charts share: money formats, label widths, stable
 * orders. Pure and free of Deno APIs, so the charts also run in a browser.
 *
 * @module
 */

import type * as Plot from "@observablehq/plot";
import { compareNames } from "../model/compare_names.ts";

const WHOLE = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });
const CENTS = new Intl.NumberFormat("en-US", {
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});
const COMPACT = new Intl.NumberFormat("en-US", {
  notation: "compact",
  maximumFractionDigits: 1,
});
const PERCENT = new Intl.NumberFormat("en-US", {
  style: "percent",
  maximumFractionDigits: 1,
});

/** The default chart width in pixels. */
export const DEFAULT_WIDTH = 640;

/**
 * A tick format for a money axis: d3-format `,.0f` (thousands separators),
 * or `~s` (SI prefixes: 20k, 1.5M) once values reach a million; prefixed
 * with the currency ("$" through d3's own currency symbol).
 */
export function moneyTicks(
  values: readonly number[],
  currency = "",
): string | ((value: number) => string) {
  const large = values.some((v) => Math.abs(v) >= 1e6);
  if (currency === "" || currency === "$") {
    return `${currency}${large ? "~s" : ",.0f"}`;
  }
  return (value: number) =>
    `${value < 0 ? "−" : ""}${currency}${
      (large ? COMPACT : WHOLE).format(Math.abs(value))
    }`;
}

/** A tick format for prices to the cent: d3-format `,.2f`, with the currency. */
export function priceTicks(currency = ""): string | ((v: number) => string) {
  if (currency === "" || currency === "$") return `${currency},.2f`;
  return (value: number) => `${currency}${CENTS.format(value)}`;
}

/** An axis label with its unit: `Net sales ($)`, or the bare text. */
export function withUnit(text: string, currency = ""): string {
  return currency ? `${text} (${currency})` : text;
}

/** Money in words for a description or a bar label: `$1,235`, `-$20`. */
export function money(value: number, currency = ""): string {
  const rounded = Math.round(value);
  return `${rounded < 0 ? "-" : ""}${currency}${
    WHOLE.format(Math.abs(rounded))
  }`;
}

/** A price to the cent: `$3.25`. */
export function price(value: number, currency = ""): string {
  return `${currency}${CENTS.format(value)}`;
}

/** A ratio as a percentage: `26.4%`. */
export function percent(ratio: number): string {
  return PERCENT.format(ratio);
}

/** Money compactly, for a bar label: `$12.8M`, `$940`. */
export function compactMoney(value: number, currency = ""): string {
  return `${value < 0 ? "-" : ""}${currency}${COMPACT.format(Math.abs(value))}`;
}

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
 * A compact tick format for a colour legend, where space is short: d3-format
 * `~s` (20k, 1.5M) with the currency.
 */
export function legendTicks(
  currency = "",
): string | ((value: number) => string) {
  if (currency === "" || currency === "$") return `${currency}~s`;
  return (value: number) => compactMoney(value, currency);
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
  currency: string,
  label: string,
): Plot.ScaleOptions & Pick<Plot.LegendOptions, "width"> {
  return {
    type: "quantize",
    n: 7,
    scheme: "blues",
    legend: true,
    label,
    tickFormat: legendTicks(currency),
    width: 320,
  };
}
