import type { NumberFormats } from "../../figures/format/number_formats.ts";
import { DEFAULT_FORMATS } from "../chart_parts.ts";
import * as Plot from "@observablehq/plot";
import { plotChart } from "../plot_chart.ts";
import type { SegmentClusterCell } from "../../figures/segments/segment_cluster_cross_tab.ts";
import { clusterFilterLabel } from "../../figures/segments/cluster_filter_label.ts";
import type { SegmentChartOptions } from "./segment_chart_options.ts";
import {
  DEFAULT_WIDTH,
  marginFor,
  markText,
  percent,
  plural,
  shorten,
  whole,
  wholePercent,
} from "./segment_chart_parts.ts";

/**
 * RFM segments (down, in the segment map's order) by cluster (across, by
 * id): each cell shaded by the share of the cluster's customers in that
 * segment and labelled with the count. Shows how customers buy (RFM) against
 * what they buy (clusters). Draws `segmentClusterCrossTab`.
 */
export function segmentClusterChart(
  cells: readonly SegmentClusterCell[],
  options: SegmentChartOptions = {},
): Element {
  const width = options.width ?? DEFAULT_WIDTH;
  const format = options.format ?? DEFAULT_FORMATS;
  const title = options.title ?? "RFM segments within each cluster";
  const segments = [...new Set(cells.map((c) => c.segment))];
  const clusters = [...new Set(cells.map((c) => c.cluster))].sort((a, b) =>
    a - b
  );
  const darkest = Math.max(0.01, ...cells.map((c) => c.shareOfCluster));
  return plotChart({
    document: options.document,
    width,
    height: 100 + Math.max(1, segments.length) * 26,
    marginLeft: marginFor(["Segment", ...segments], width, 60),
    title,
    ariaLabel: title,
    ariaDescription: describe(cells, segments.length, clusters.length, format),
    x: {
      domain: clusters,
      label: "Cluster",
      axis: "top",
      tickSize: 0,
      labelAnchor: "left",
      labelArrow: "none",
    },
    y: { domain: segments, label: "RFM segment", tickSize: 0 },
    color: {
      type: "quantize",
      n: 5,
      scheme: "blues",
      domain: [0, darkest],
      legend: true,
      tickFormat: wholePercent(format),
      label: "Share of the cluster's customers",
    },
    marks: [
      Plot.cell(cells, {
        x: "cluster",
        y: "segment",
        fill: "shareOfCluster",
        inset: 0.5,
        ...markText(
          options,
          (c: SegmentClusterCell) =>
            `${c.segment} in cluster ${c.cluster} (${
              shorten(c.clusterName, 60)
            }): ${plural(c.customers, "customer", "customers", format)}, ${
              percent(c.shareOfCluster, format)
            } of the cluster, ${
              percent(c.shareOfSegment, format)
            } of the segment`,
          (c) => ({
            segment: c.segment,
            cluster: clusterFilterLabel(c.cluster, c.clusterName),
          }),
        ),
      }),
      Plot.text(cells, {
        x: "cluster",
        y: "segment",
        text: (c: SegmentClusterCell) => whole(c.customers, format),
        fill: (c: SegmentClusterCell) =>
          c.shareOfCluster > 0.6 * darkest ? "white" : "black",
      }),
    ],
  });
}

function describe(
  cells: readonly SegmentClusterCell[],
  segments: number,
  clusters: number,
  format: NumberFormats,
): string {
  const customers = cells.reduce((s, c) => s + c.customers, 0);
  if (customers === 0) return "No customers to cross-tabulate.";
  const top = cells.reduce((a, b) => b.customers > a.customers ? b : a);
  return `Table of ${
    plural(customers, "customer", "customers", format)
  } by RFM segment (${segments} rows) and cluster (${clusters} columns), shaded by each segment's share of the cluster. The largest group is ${top.segment} in cluster ${top.cluster} (${
    shorten(top.clusterName, 60)
  }), ${plural(top.customers, "customer", "customers", format)}.`;
}
