/**
 * Small pieces the segment and cluster charts share: number formats and
 * colours (the money, percent and margin helpers are the sales charts'). Pure and free of Deno APIs, so the charts also run in a
 * browser.
 *
 * @module
 */

import type { NumberFormats } from "../../figures/format/number_formats.ts";
import { DEFAULT_FORMATS } from "../chart_parts.ts";

export {
  compactMoney,
  DEFAULT_WIDTH,
  labelWidth,
  marginFor,
  markText,
  money,
  nameAxis,
  NARROW_WIDTH,
  percent,
  shorten,
} from "../chart_parts.ts";

/** A whole number with the locale's thousands separators: `12,345`, `12.345`. */
export function whole(
  value: number,
  format: NumberFormats = DEFAULT_FORMATS,
): string {
  return format.integer(value);
}

/** Two decimals in the locale: `0.17`, `0,17`. */
export function decimal(
  value: number,
  format: NumberFormats = DEFAULT_FORMATS,
): string {
  return new Intl.NumberFormat(format.locale, {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  }).format(value);
}

/** A tick format of whole percentages in the locale: `25%`, `25 %`. */
export function wholePercent(
  format: NumberFormats = DEFAULT_FORMATS,
): (ratio: number) => string {
  const f = new Intl.NumberFormat(format.locale, {
    style: "percent",
    maximumFractionDigits: 0,
  });
  return (ratio: number) => f.format(ratio);
}

/** "1 customer", "2 customers", the count in the locale. */
export function plural(
  count: number,
  one: string,
  many: string,
  format: NumberFormats = DEFAULT_FORMATS,
): string {
  return `${whole(count, format)} ${count === 1 ? one : many}`;
}

/**
 * Colours of the eleven standard RFM segments, from greens (best) through
 * yellow and orange to greys (lost); further segments of a replacement map
 * take the extra colours in turn.
 */
export const SEGMENT_COLOURS: readonly string[] = [
  "#1a7f37", // Champions
  "#4caf50", // Loyal Customers
  "#9ccc65", // Potential Loyalists
  "#26a69a", // New Customers
  "#80cbc4", // Promising
  "#fdd835", // Need Attention
  "#ffb74d", // About to Sleep
  "#f57c00", // At Risk
  "#d32f2f", // Can't Lose Them
  "#90a4ae", // Hibernating
  "#546e7a", // Lost
  "#7e57c2",
  "#f06292",
  "#8d6e63",
];

/** Colours of clusters 1, 2, ... (Observable's ten, then repeated). */
export const CLUSTER_COLOURS: readonly string[] = [
  "#4269d0",
  "#efb118",
  "#ff725c",
  "#6cc5b0",
  "#3ca951",
  "#ff8ab7",
  "#a463f2",
  "#97bbf5",
  "#9c6b4e",
  "#9498a0",
];

/** A cluster's short tick label: `1`, or with its name when given. */
export function clusterLabel(id: number, name?: string): string {
  return name ? `${id} · ${name}` : `Cluster ${id}`;
}

const STANDARD_SEGMENTS = [
  "Champions",
  "Loyal Customers",
  "Potential Loyalists",
  "New Customers",
  "Promising",
  "Need Attention",
  "About to Sleep",
  "At Risk",
  "Can't Lose Them",
  "Hibernating",
  "Lost",
];

/**
 * A colour for each segment: a standard segment always gets its own colour
 * (see SEGMENT_COLOURS); other names take the colours no standard segment
 * in the list uses, in turn.
 */
export function segmentColours(segments: readonly string[]): string[] {
  const used = new Set(
    segments.map((s) => STANDARD_SEGMENTS.indexOf(s)).filter((i) => i >= 0),
  );
  const spare = SEGMENT_COLOURS.filter((_, i) => !used.has(i));
  let next = 0;
  return segments.map((s) => {
    const at = STANDARD_SEGMENTS.indexOf(s);
    return at >= 0 ? SEGMENT_COLOURS[at] : spare[next++ % spare.length];
  });
}

/** Black or white, whichever reads better on a `#rrggbb` background. */
export function textOn(background: string): string {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(background.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  return luminance > 0.2 ? "black" : "white";
}
