import type { NumberFormats } from "../../figures/format/number_formats.ts";
import { DEFAULT_FORMATS, nameAxis, NARROW_WIDTH } from "../chart_parts.ts";
import * as Plot from "@observablehq/plot";
import { plotChart } from "../plot_chart.ts";
import type { ClusterLiftCell } from "../../figures/segments/cluster_lift_cells.ts";
import { clusterFilterLabel } from "../../figures/segments/cluster_filter_label.ts";
import type { SegmentChartOptions } from "./segment_chart_options.ts";
import {
  DEFAULT_WIDTH,
  markText,
  plural,
  shorten,
} from "./segment_chart_parts.ts";

/** Where the colour changes: a threshold scale, so the legend needs no canvas. */
const LIFT_STEPS = [0.25, 0.5, 0.8, 1.25, 2, 4];

/** A lift to one decimal in the report's locale: `1.3`, `1,3`. */
function liftFormat(format: NumberFormats): Intl.NumberFormat {
  return new Intl.NumberFormat(format.locale, {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  });
}

/**
 * A heatmap of lift: clusters across (by id), sub-categories down (in
 * feature order), red where a cluster spends a larger share than customers
 * at large (lift above 1.25), blue where smaller (below 0.8), in seven
 * steps; each cell labelled with its lift. Draws `clusterLiftCells`.
 */
export function clusterLiftChart(
  cells: readonly ClusterLiftCell[],
  options: SegmentChartOptions = {},
): Element {
  const width = options.width ?? DEFAULT_WIDTH;
  const format = options.format ?? DEFAULT_FORMATS;
  const LIFT = liftFormat(format);
  const title = options.title ??
    "What each cluster buys more of: lift by sub-category";
  const labels = [...new Set(cells.map((c) => c.label))];
  const clusters = [...new Set(cells.map((c) => c.cluster))].sort((a, b) =>
    a - b
  );
  const shown = cells.filter((c) => c.lift !== null);
  // Long sub-category names end in an ellipsis on a narrow chart (the tip
  // and the table give them whole), rather than run off its left edge.
  const yAxis = nameAxis("Sub-category", labels, width);
  const marginLeft = Math.max(yAxis.marginLeft, 60);
  // A cell too narrow for "0.7×" shows "0.7" (the legend says ×).
  const column = (width - marginLeft - 20) / Math.max(1, clusters.length);
  const times = column >= 34 ? "×" : "";
  return plotChart({
    document: options.document,
    width,
    height: 90 + Math.max(1, labels.length) * 22,
    marginLeft,
    title,
    ariaLabel: title,
    ariaDescription: describe(cells, labels.length, clusters.length, format),
    x: {
      domain: clusters,
      label: "Cluster",
      axis: "top",
      tickSize: 0,
      labelAnchor: "left",
      labelArrow: "none",
    },
    y: { ...yAxis.axis, domain: labels, tickSize: 0 },
    color: {
      type: "threshold",
      domain: LIFT_STEPS,
      scheme: "RdBu",
      reverse: true,
      legend: true,
      label: width < NARROW_WIDTH
        ? "Lift of the cluster's share of spend"
        : "Lift (share of the cluster's spend ÷ share of all spend)",
      tickFormat: (v: number) => `${v}×`,
      width: Math.min(360, width - 10),
    } as Plot.ScaleOptions,
    marks: [
      Plot.cell(shown, {
        x: "cluster",
        y: "label",
        fill: "lift",
        inset: 0.5,
        ...markText(
          options,
          (c: ClusterLiftCell) =>
            `Cluster ${c.cluster} (${
              shorten(c.clusterName, 60)
            }), ${c.label}: lift ${LIFT.format(c.lift!)}`,
          (c) => ({ cluster: clusterFilterLabel(c.cluster, c.clusterName) }),
        ),
      }),
      Plot.text(cells, {
        x: "cluster",
        y: "label",
        text: (c: ClusterLiftCell) =>
          c.lift === null ? "–" : `${LIFT.format(c.lift)}${times}`,
        fill: (c: ClusterLiftCell) =>
          c.lift !== null && (c.lift >= 4 || c.lift <= 0.25)
            ? "white"
            : "black",
      }),
    ],
  });
}

function describe(
  cells: readonly ClusterLiftCell[],
  features: number,
  clusters: number,
  format: NumberFormats,
): string {
  const shown = cells.filter((c) => c.lift !== null);
  if (shown.length === 0) return "No lift to show.";
  const top = shown.reduce((a, b) => b.lift! > a.lift! ? b : a);
  return `Heatmap of lift for ${
    plural(clusters, "cluster", "clusters", format)
  } (across) and ${
    plural(features, "sub-category", "sub-categories", format)
  } (down): red where a cluster spends a larger share on a sub-category than all customers do, blue where smaller. The highest is ${top.label} in cluster ${top.cluster}, ${
    liftFormat(format).format(top.lift!)
  } times the average share.`;
}
