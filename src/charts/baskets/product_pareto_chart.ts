import * as Plot from "@observablehq/plot";
import { plotChart } from "../plot_chart.ts";
import {
  ABC_LIMITS,
  type AbcClass,
  type ParetoPoint,
} from "../../figures/products/product_figures.ts";
import { DEFAULT_FORMATS, DEFAULT_WIDTH, percent } from "../chart_parts.ts";
import type { SalesChartOptions } from "../sales/sales_chart_options.ts";

/**
 * The Pareto (ABC) curve of products: the share of net sales held by the
 * top share of products, over bands coloured by class, with the 80% and
 * 95% limits and the top 20% of products marked. Takes the ranked products (all of them,
 * or evenly thinned points of the curve for a long catalogue).
 */
export function productParetoChart(
  points: readonly ParetoPoint[],
  options: SalesChartOptions & {
    /**
     * The top 20% of products (rounded up, as a share of all products) and
     * their share of net sales, marked on the curve.
     */
    top20?: { productShare: number; share: number };
  } = {},
): Element {
  const width = options.width ?? DEFAULT_WIDTH;
  const format = options.format ?? DEFAULT_FORMATS;
  const title = options.title ?? "Share of net sales by share of products";
  const curve = [{ productShare: 0, cumulativeShare: 0 }, ...points];
  // Each class as a band behind the curve, from the share of products
  // before its first product to the share at its last.
  const bands = (["A", "B", "C"] as AbcClass[]).flatMap((abcClass) => {
    const members = points.filter((p) => p.abcClass === abcClass);
    if (!members.length) return [];
    const before = points[points.indexOf(members[0]) - 1]?.productShare ?? 0;
    return [{
      abcClass,
      x1: before,
      x2: members[members.length - 1].productShare,
    }];
  });
  const top20 = options.top20;
  return plotChart({
    document: options.document,
    width,
    height: Math.round(Math.min(360, Math.max(240, width * 0.5))),
    marginLeft: 50,
    marginRight: 16,
    title,
    ariaLabel: title,
    ariaDescription: describe(points, options.top20?.share, format),
    x: {
      label: "Products, largest sales first →",
      tickFormat: (v: number) => percent(v, format),
      domain: [0, 1],
      ticks: Math.max(2, Math.floor(width / 120)),
      grid: true,
    },
    y: {
      label: "↑ Share of net sales",
      tickFormat: (v: number) => percent(v, format),
      domain: [0, Math.max(1, ...points.map((p) => p.cumulativeShare))],
      grid: true,
    },
    color: {
      legend: true,
      label: "ABC class",
      domain: ["A", "B", "C"],
      range: ["steelblue", "#f28e2b", "#9aa5b1"],
    },
    marks: [
      Plot.rectY(bands, {
        x1: "x1",
        x2: "x2",
        y1: 0,
        y2: 1,
        fill: "abcClass",
        fillOpacity: 0.18,
      }),
      Plot.ruleY([ABC_LIMITS.a, ABC_LIMITS.b], {
        strokeDasharray: "4,3",
        stroke: "#888",
      }),
      Plot.lineY(curve, {
        x: "productShare",
        y: "cumulativeShare",
        stroke: "currentColor",
        strokeWidth: 1.5,
      }),
      ...(top20 === undefined ? [] : [
        Plot.ruleX([top20.productShare], {
          strokeDasharray: "2,3",
          stroke: "#888",
        }),
        Plot.dot([{ x: top20.productShare, y: top20.share }], {
          x: "x",
          y: "y",
          fill: "currentColor",
          r: 3,
        }),
        Plot.text([{ x: top20.productShare, y: top20.share }], {
          x: "x",
          y: "y",
          text: () => `top 20%: ${percent(top20.share, format)}`,
          textAnchor: "start",
          dx: 6,
          dy: 10,
        }),
      ]),
      Plot.ruleY([0]),
    ],
  });
}

function describe(
  points: readonly ParetoPoint[],
  top20Share: number | undefined,
  format: typeof DEFAULT_FORMATS,
): string {
  if (points.length === 0) return "No product sales to show.";
  const a = points.filter((p) => p.abcClass === "A");
  const aShare = a.length ? a[a.length - 1].productShare : 0;
  return `A curve of the cumulative share of net sales against the share of products, largest first, with dashed lines at 80% and 95% of sales. ${
    top20Share === undefined
      ? ""
      : `The top 20% of products hold ${
        percent(top20Share, format)
      } of net sales; `
  }class A is the first ${percent(aShare, format)} of products.`;
}
