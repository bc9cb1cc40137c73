// deno-fmt-ignore-file -- deno fmt would re-indent the markup inside the html templates
import type { NumberFormats } from "../figures/format/number_formats.ts";
import type { FigureChange } from "../figures/sales/sales_comparison.ts";
import { html, type Html } from "./html.ts";

/** How a compared figure's difference reads. */
export type DifferenceKind = "money" | "integer" | "points";

/** The words of each earlier period. */
export const BASIS_LABEL = {
  previous: "vs previous period",
  yearAgo: "vs last year",
} as const;

/**
 * A difference, signed, in the report's formats: money compactly, counts
 * whole, a rate's change in percentage points.
 */
export function formatDifference(
  value: number,
  kind: DifferenceKind,
  format: NumberFormats,
): string {
  if (kind === "money") return format.moneyChange(value);
  if (kind === "integer") return format.integerChange(value);
  return format.pointsChange(value);
}

/**
 * One line of a card's comparison: an arrow (▲ up, ▼ down, ▶ unchanged), the
 * signed difference and relative change, and which period; its class says
 * up or down for the colour, which is never the only sign. "no earlier
 * data" when the data does not cover the period (`change` null), "no
 * change to show" when the figure could not be counted then.
 */
export function changeLine(
  change: FigureChange | null,
  basis: keyof typeof BASIS_LABEL,
  kind: DifferenceKind,
  format: NumberFormats,
): Html {
  const label = BASIS_LABEL[basis];
  if (!change) {
    return html`<span class="change none" data-basis="${basis}">${label}: no earlier data</span>`;
  }
  const { difference, change: relative } = change;
  if (difference === null) {
    return html`<span class="change none" data-basis="${basis}">${label}: no change to show</span>`;
  }
  const direction = difference > 0 ? "up" : difference < 0 ? "down" : "flat";
  const arrow = direction === "up" ? "▲" : direction === "down" ? "▼" : "▶";
  const percent = relative === null || kind === "points" ? "" : ` (${format.change(relative)})`;
  return html`<span class="change ${direction}" data-basis="${basis}"><span class="arrow" aria-hidden="true">${arrow}</span> ${formatDifference(difference, kind, format)}${percent} ${label}</span>`;
}
