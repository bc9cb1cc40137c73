import * as Plot from "@observablehq/plot";
import { plotChart } from "../plot_chart.ts";
import {
  type BasketLevel,
  type BasketPair,
  LEVEL_NOUNS,
} from "../../figures/baskets/basket_figures.ts";
import type { NumberFormats } from "../../figures/format/number_formats.ts";
import { DEFAULT_FORMATS, DEFAULT_WIDTH, percent } from "../chart_parts.ts";
import type { SalesChartOptions } from "../sales/sales_chart_options.ts";

/** Options of {@linkcode basketPairsChart}. */
export interface BasketPairsChartOptions extends SalesChartOptions {
  /** What the items are; default "category". */
  level?: BasketLevel;
}

/** A pair's name on the chart: "A + B". */
export function pairLabel(pair: BasketPair): string {
  return `${pair.aName} + ${pair.bName}`;
}

/**
 * The strongest pairs bought together, ranked: one horizontal bar of lift
 * per pair (its names written above the bar, cut with an ellipsis when the
 * width is short), a dashed rule at lift 1 (as often as chance), and each
 * bar labelled with its lift and the baskets holding both. Draws the pairs
 * of a BasketScope in their order.
 */
export function basketPairsChart(
  pairs: readonly BasketPair[],
  options: BasketPairsChartOptions = {},
): Element {
  const width = options.width ?? DEFAULT_WIDTH;
  const format = options.format ?? DEFAULT_FORMATS;
  const [, plural] = LEVEL_NOUNS[options.level ?? "category"];
  const title = options.title ?? `The ${plural} most bought together`;
  const rows = pairs.map((p, i) => ({
    ...p,
    key: `${i + 1}`,
    label: pairLabel(p),
  }));
  const value = (p: BasketPair) =>
    `${format.number(p.lift)}× · ${format.integer(p.baskets)}`;
  const marginLeft = 8;
  const marginRight = Math.ceil(
    Math.max(8, ...rows.map((r) => value(r).length)) * 6.2 + 12,
  );
  const plotWidth = width - marginLeft - marginRight;
  return plotChart({
    document: options.document,
    width,
    height: 52 + Math.max(1, rows.length) * 36,
    marginLeft,
    marginRight,
    marginTop: 18,
    title,
    ariaLabel: title,
    ariaDescription: describe(pairs, plural, format),
    x: {
      label: "Lift (1 = as often as by chance) →",
      grid: true,
      nice: true,
      ticks: Math.max(2, Math.floor(width / 120)),
      domain: [0, Math.max(1, ...pairs.map((p) => p.lift))],
    },
    y: { axis: null, domain: rows.map((r) => r.key), padding: 0.5 },
    marks: [
      Plot.barX(rows, {
        x: "lift",
        y: "key",
        fill: (r: BasketPair) => r.lift >= 1 ? "steelblue" : "#9aa5b1",
        title: (r: BasketPair) =>
          `${pairLabel(r)}: lift ${format.number(r.lift)}, together in ${
            format.integer(r.baskets)
          } baskets (${percent(r.support, format)}); ${
            percent(r.confidenceAB, format)
          } of baskets with ${r.aName} hold ${r.bName}, ${
            percent(r.confidenceBA, format)
          } of those with ${r.bName} hold ${r.aName}`,
      }),
      Plot.text(rows, {
        x: 0,
        y: "key",
        text: "label",
        textAnchor: "start",
        dy: -13,
        lineWidth: Math.max(8, plotWidth / 10),
        textOverflow: "ellipsis",
      }),
      Plot.text(rows, {
        x: "lift",
        y: "key",
        text: value,
        textAnchor: "start",
        dx: 4,
      }),
      Plot.ruleX([1], { strokeDasharray: "4,3", stroke: "currentColor" }),
      Plot.ruleX([0]),
    ],
  });
}

function describe(
  pairs: readonly BasketPair[],
  plural: string,
  format: NumberFormats,
): string {
  if (pairs.length === 0) return `No pair of ${plural} to show.`;
  const top = pairs[0];
  return `Horizontal bars of lift for ${pairs.length} pair${
    pairs.length === 1 ? "" : "s"
  } of ${plural}, strongest first; each bar is labelled with its lift and the number of baskets holding both. ${
    pairLabel(top)
  } leads: bought together ${
    format.number(top.lift)
  } times as often as by chance, in ${format.integer(top.baskets)} baskets.`;
}
