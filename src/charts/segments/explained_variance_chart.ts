import type { NumberFormats } from "../../figures/format/number_formats.ts";
import { DEFAULT_FORMATS } from "../chart_parts.ts";
import * as Plot from "@observablehq/plot";
import { plotChart } from "../plot_chart.ts";
import type { ExplainedVariance } from "../../figures/segments/explained_variance_rows.ts";
import type { SegmentChartOptions } from "./segment_chart_options.ts";
import {
  DEFAULT_WIDTH,
  markText,
  percent,
  plural,
  wholePercent,
} from "./segment_chart_parts.ts";

/** Options for {@linkcode explainedVarianceChart}. */
export interface ExplainedVarianceChartOptions extends SegmentChartOptions {
  /** The variance threshold that chose the kept components, drawn as a rule. */
  threshold?: number;
}

/**
 * Explained variance by principal component: a bar per component (dark when
 * the clusters use it), the cumulative share as a line, and the variance
 * threshold as a dashed rule. Draws the `explainedVariance` of
 * `clusterCustomers`.
 */
export function explainedVarianceChart(
  rows: readonly ExplainedVariance[],
  options: ExplainedVarianceChartOptions = {},
): Element {
  const width = options.width ?? DEFAULT_WIDTH;
  const format = options.format ?? DEFAULT_FORMATS;
  const title = options.title ?? "Variance explained by principal component";
  const components = rows.map((r) => r.component);
  const every = Math.max(1, Math.ceil(rows.length * 24 / (width - 80)));
  const threshold = options.threshold;
  return plotChart({
    document: options.document,
    width,
    height: 320,
    marginLeft: 50,
    title,
    ariaLabel: title,
    ariaDescription: describe(rows, threshold, format),
    x: {
      domain: components,
      label: "Principal component",
      ticks: components.filter((_, i) => i % every === 0),
      padding: 0.15,
    },
    y: {
      domain: [0, 1],
      label: "Share of variance",
      tickFormat: wholePercent(format),
      grid: true,
    },
    color: {
      domain: ["Kept", "Left out"],
      range: ["#4269d0", "#c6d4e1"],
      legend: true,
    },
    marks: [
      Plot.barY(rows, {
        x: "component",
        y: "ratio",
        fill: (r: ExplainedVariance) => r.kept ? "Kept" : "Left out",
        ...markText(
          options,
          (r: ExplainedVariance) =>
            `Component ${r.component}: ${
              percent(r.ratio, format)
            } (cumulative ${percent(r.cumulative, format)})`,
        ),
      }),
      Plot.line(rows, {
        x: "component",
        y: "cumulative",
        stroke: "#333",
        strokeWidth: 1.5,
      }),
      Plot.dot(rows, { x: "component", y: "cumulative", fill: "#333", r: 2 }),
      ...(threshold === undefined ? [] : [
        Plot.ruleY([threshold], { stroke: "#d32f2f", strokeDasharray: "4,3" }),
        Plot.text([threshold], {
          y: (t: number) => t,
          frameAnchor: "left",
          dy: -7,
          dx: 4,
          text: (t: number) => `${percent(t, format)} threshold`,
          fill: "#d32f2f",
        }),
      ]),
      Plot.ruleY([0]),
    ],
  });
}

function describe(
  rows: readonly ExplainedVariance[],
  threshold: number | undefined,
  format: NumberFormats,
): string {
  if (rows.length === 0) return "No principal components to show.";
  const kept = rows.filter((r) => r.kept);
  const last = kept[kept.length - 1];
  return `Bars of the share of variance of ${
    plural(rows.length, "principal component", "principal components", format)
  }, with the cumulative share as a line. The first explains ${
    percent(rows[0].ratio, format)
  }; the clusters use the first ${kept.length}${
    last ? `, which explain ${percent(last.cumulative, format)}` : ""
  }${
    threshold === undefined ? "" : ` (threshold ${percent(threshold, format)})`
  }.`;
}
