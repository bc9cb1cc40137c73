import type { NumberFormats } from "../../figures/format/number_formats.ts";
import { DEFAULT_FORMATS } from "../chart_parts.ts";
import * as Plot from "@observablehq/plot";
import { plotChart } from "../plot_chart.ts";
import type { KScore } from "../../stats/choose_k.ts";
import type { SegmentChartOptions } from "./segment_chart_options.ts";
import {
  decimal,
  DEFAULT_WIDTH,
  markText,
  whole,
} from "./segment_chart_parts.ts";

/** Options for {@linkcode silhouetteChart}. */
export interface SilhouetteChartOptions extends SegmentChartOptions {
  /** The chosen k, highlighted. */
  k?: number | null;
  /** Customers in the sample the silhouettes were computed on, if sampled. */
  sampleSize?: number | null;
}

/**
 * Mean silhouette by number of clusters k, as a line with a dot per k and
 * the chosen k highlighted. Draws the `silhouetteByK` of `clusterCustomers`.
 */
export function silhouetteChart(
  rows: readonly KScore[],
  options: SilhouetteChartOptions = {},
): Element {
  const width = options.width ?? DEFAULT_WIDTH;
  const format = options.format ?? DEFAULT_FORMATS;
  const title = options.title ?? "Silhouette by number of clusters";
  const scored = rows.filter((r) => r.silhouette !== null);
  const chosen = scored.filter((r) => r.k === options.k);
  const ks = rows.map((r) => r.k);
  return plotChart({
    document: options.document,
    width,
    height: 300,
    marginLeft: 50,
    title,
    ariaLabel: title,
    ariaDescription: describe(
      scored,
      options.k ?? null,
      options.sampleSize ?? null,
      format,
    ),
    x: {
      label: "Number of clusters (k)",
      ticks: ks,
      tickFormat: "d",
      domain: ks.length
        ? [Math.min(...ks) - 0.5, Math.max(...ks) + 0.5]
        : [1.5, 8.5],
    },
    y: {
      label: "Mean silhouette (−1 to 1, higher is better)",
      grid: true,
      nice: true,
      tickFormat: (v: number) => decimal(v, format),
      zero: true,
    },
    marks: [
      Plot.ruleY([0]),
      Plot.line(scored, { x: "k", y: "silhouette", stroke: "#4269d0" }),
      Plot.dot(scored, {
        x: "k",
        y: "silhouette",
        fill: "#4269d0",
        r: 3,
        ...markText(
          options,
          (r: KScore) => `k = ${r.k}: ${decimal(r.silhouette!, format)}`,
        ),
      }),
      Plot.dot(chosen, {
        x: "k",
        y: "silhouette",
        r: 6,
        stroke: "#d32f2f",
        strokeWidth: 2,
      }),
      Plot.text(chosen, {
        x: "k",
        y: "silhouette",
        text: (r: KScore) => `chosen: k = ${r.k}`,
        dy: -14,
        fill: "#d32f2f",
      }),
    ],
  });
}

function describe(
  scored: readonly KScore[],
  k: number | null,
  sampleSize: number | null,
  format: NumberFormats,
): string {
  if (scored.length === 0) return "No silhouettes to show.";
  const best = scored.reduce((a, b) => b.silhouette! > a.silhouette! ? b : a);
  const where = sampleSize === null
    ? "over all customers"
    : `on a seeded sample of ${whole(sampleSize, format)} customers`;
  return `Line of the mean silhouette ${where} for k = ${scored[0].k} to ${
    scored[scored.length - 1].k
  }. The highest is ${decimal(best.silhouette!, format)} at k = ${best.k}${
    k === null ? "" : `; k = ${k} is used`
  }.`;
}
