import type { NumberFormats } from "../../figures/format/number_formats.ts";
import { DEFAULT_FORMATS } from "../chart_parts.ts";
import * as Plot from "@observablehq/plot";
import { plotChart } from "../plot_chart.ts";
import type { ScatterPoint } from "../../figures/segments/customer_clusters.ts";
import { seededSample } from "../../stats/seeded_sample.ts";
import type { SegmentChartOptions } from "./segment_chart_options.ts";
import {
  CLUSTER_COLOURS,
  clusterLabel,
  DEFAULT_WIDTH,
  markText,
  percent,
  plural,
  shorten,
  whole,
} from "./segment_chart_parts.ts";

/** Options for {@linkcode pcaScatterChart}. */
export interface PcaScatterChartOptions extends SegmentChartOptions {
  /** Above this many points, draw a seeded sample of this many. Default 2,000. */
  maxPoints?: number;
  /** Seed of that sample. Default 1. */
  seed?: number;
  /** Cluster names for the legend. */
  clusters?: readonly { id: number; name: string }[];
  /** Shares of variance of PC1 and PC2, for the axis labels. */
  explainedVariance?: readonly number[];
  /** Customers in all, when the points are already a sample of them. */
  total?: number;
}

/**
 * Customers on the first two principal components, coloured by cluster.
 * Above `maxPoints` points (default 2,000) it draws a seeded sample and says
 * so in its description, so its size does not grow with the data. Draws the
 * `scatter.points` of `clusterCustomers`.
 */
export function pcaScatterChart(
  points: readonly ScatterPoint[],
  options: PcaScatterChartOptions = {},
): Element {
  const width = options.width ?? DEFAULT_WIDTH;
  const format = options.format ?? DEFAULT_FORMATS;
  const maxPoints = options.maxPoints ?? 2_000;
  const title = options.title ??
    "Customers on the first two principal components";
  const drawn = points.length > maxPoints
    ? Array.from(
      seededSample(points.length, maxPoints, options.seed ?? 1),
      (i) => points[i],
    )
    : points;
  const ids = [...new Set(points.map((p) => p.cluster))].sort((a, b) => a - b);
  const names = new Map(
    (options.clusters ?? []).map((c) => [c.id, shorten(c.name, 40)]),
  );
  const [pc1, pc2] = options.explainedVariance ?? [];
  const axis = (n: number, share: number | undefined) =>
    share === undefined
      ? `Principal component ${n}`
      : `Principal component ${n} (${percent(share, format)} of variance)`;
  return plotChart({
    document: options.document,
    width,
    height: Math.round(Math.min(560, Math.max(360, width * 0.6))),
    marginLeft: 50,
    title,
    ariaLabel: title,
    ariaDescription: describe(
      points.length,
      drawn.length,
      ids,
      options.total,
      format,
    ),
    x: { label: axis(1, pc1), grid: true, nice: true },
    y: { label: axis(2, pc2), grid: true, nice: true },
    color: {
      type: "ordinal",
      domain: ids,
      range: CLUSTER_COLOURS,
      legend: true,
      label: "Cluster",
      tickFormat: (id: number) => clusterLabel(id, names.get(id)),
    },
    marks: [
      Plot.ruleX([0], { stroke: "#ccc" }),
      Plot.ruleY([0], { stroke: "#ccc" }),
      Plot.dot(drawn, {
        x: "pc1",
        y: "pc2",
        fill: "cluster",
        r: 2.5,
        fillOpacity: 0.6,
        ...markText(
          options,
          (p: ScatterPoint) =>
            `Customer ${p.customerId}: ${
              clusterLabel(p.cluster, names.get(p.cluster))
            }`,
        ),
      }),
    ],
  });
}

function describe(
  given: number,
  drawn: number,
  ids: readonly number[],
  total: number | undefined,
  format: NumberFormats,
): string {
  if (given === 0) return "No customers to show.";
  const all = Math.max(total ?? given, given);
  const sample = drawn < all
    ? `a seeded sample of ${whole(drawn, format)} of ${
      plural(all, "customer", "customers", format)
    }`
    : plural(drawn, "customer", "customers", format);
  return `Scatter plot of ${sample} on the first two principal components of what they buy, coloured by ${
    plural(ids.length, "cluster", "clusters", format)
  }.`;
}
