/**
 * Plot's `plot` with the report's type size: every chart's text (ticks,
 * axis labels, bar labels, tips, legends) at {@linkcode FONT_SIZE} pixels,
 * where Plot writes 10. A chart drawn at the reader's width is not scaled,
 * so its text reads at that size on a phone too.
 *
 * @module
 */
import * as Plot from "@observablehq/plot";

/** The type size of every chart's text, in pixels. */
export const FONT_SIZE = 12;

const STYLE = { fontSize: `${FONT_SIZE}px` };

/**
 * Draws a chart as `Plot.plot` does, in the report's type size; the colour
 * and symbol legends take it too.
 *
 * @example
 * ```ts
 * import { parseHTML } from "linkedom";
 * import * as Plot from "@observablehq/plot";
 * import { plotChart } from "./plot_chart.ts";
 * const { document } = parseHTML("<!DOCTYPE html><html><body></body></html>");
 * const chart = plotChart({ document, marks: [Plot.barX([1, 2])] });
 * if (chart.getAttribute("style") !== "font-size:12px") throw new Error(chart.outerHTML);
 * ```
 */
export function plotChart(
  options: Plot.PlotOptions,
): ReturnType<typeof Plot.plot> {
  const legend = (scale: Plot.ScaleOptions | undefined) =>
    scale?.legend ? { ...scale, style: STYLE } : scale;
  return Plot.plot({
    // Room under the x axis for its ticks and label at this type size.
    marginBottom: 40,
    ...options,
    style: STYLE,
    color: legend(options.color),
    symbol: legend(options.symbol),
  });
}
