/**
 * The customers section's charts as slots (see chart_slots.ts), with the
 * little data they draw from: what the page carries to draw them again at
 * the reader's width. The scatter's points are the seeded sample the chart
 * draws, to three decimals, so that the page does not grow with the
 * customers.
 *
 * @module
 */
import {
  clusterLiftChart,
  explainedVarianceChart,
  pcaScatterChart,
  rfmGridChart,
  rfmSegmentsChart,
  segmentClusterChart,
  silhouetteChart,
} from "../../charts/mod.ts";
import type { ClusterLiftCell } from "../../figures/segments/cluster_lift_cells.ts";
import type {
  CustomerClusters,
  ScatterPoint,
} from "../../figures/segments/customer_clusters.ts";
import type { RfmGridCell } from "../../figures/segments/rfm_grid.ts";
import type { RfmSegmentRow } from "../../figures/segments/rfm_segments.ts";
import type { SegmentClusterCell } from "../../figures/segments/segment_cluster_cross_tab.ts";
import { seededSample } from "../../stats/seeded_sample.ts";
import type { ChartSlot } from "./chart_slots.ts";

/** Points the scatter draws at most (a seeded sample above). */
const MAX_POINTS = 2_000;

/** What the customer charts draw. */
export interface CustomerChartData {
  segments: RfmSegmentRow[];
  grid: RfmGridCell[];
  clusters:
    & Pick<
      CustomerClusters,
      "k" | "explainedVariance" | "silhouetteByK" | "seed"
    >
    & {
      profiles: { id: number; name: string }[];
      /** The scatter's points: all, or a seeded sample of `MAX_POINTS`. */
      points: ScatterPoint[];
      /** Customers on the scatter in all. */
      total: number;
    };
  lift: ClusterLiftCell[];
  crossTab: SegmentClusterCell[];
}

/** The customer charts' data from the customer figures. */
export function customerChartData(figures: {
  segments: RfmSegmentRow[];
  grid: RfmGridCell[];
  clusters: Omit<CustomerClusters, "assignments">;
  lift: ClusterLiftCell[];
  crossTab: SegmentClusterCell[];
}): CustomerChartData {
  const { clusters } = figures;
  const all = clusters.scatter.points;
  const sample = all.length > MAX_POINTS
    ? Array.from(seededSample(all.length, MAX_POINTS, 1), (i) => all[i])
    : all;
  // Three decimals place a dot to a thousandth of a unit of the components,
  // far below a pixel, and keep the page's copy small.
  const round = (v: number) => Math.round(v * 1000) / 1000;
  const points = sample.map((p) => ({
    ...p,
    pc1: round(p.pc1),
    pc2: round(p.pc2),
  }));
  return {
    segments: figures.segments,
    grid: figures.grid,
    clusters: {
      k: clusters.k,
      seed: clusters.seed,
      explainedVariance: clusters.explainedVariance,
      silhouetteByK: clusters.silhouetteByK,
      profiles: clusters.clusters.map((c) => ({ id: c.id, name: c.name })),
      points,
      total: Math.max(clusters.scatter.total, all.length),
    },
    lift: figures.lift,
    crossTab: figures.crossTab,
  };
}

/** The RFM charts. */
export const RFM_CHARTS: readonly ChartSlot<CustomerChartData>[] = [
  {
    id: "rfm-segments",
    title: "Customers and revenue by RFM segment",
    render: (d, c) => rfmSegmentsChart(d.segments, c),
  },
  {
    id: "rfm-grid",
    title: "Customers on the recency × frequency grid",
    render: (d, c) => rfmGridChart(d.grid, c),
  },
];

/** The cluster charts, when there are two clusters or more. */
export const CLUSTER_CHARTS: readonly ChartSlot<CustomerChartData>[] = [
  {
    id: "pca-scatter",
    title: "Customers on the first two principal components",
    render: (d, c) =>
      pcaScatterChart(d.clusters.points, {
        ...c,
        clusters: d.clusters.profiles,
        explainedVariance: d.clusters.explainedVariance.map((v) => v.ratio),
        total: d.clusters.total,
      }),
  },
  {
    id: "explained-variance",
    title: "Variance explained by principal component",
    render: (d, c) => explainedVarianceChart(d.clusters.explainedVariance, c),
  },
  {
    id: "silhouette",
    title: "Silhouette by number of clusters",
    omit: (_, d) => d.clusters.silhouetteByK.length === 0,
    render: (d, c) => silhouetteChart(d.clusters.silhouetteByK, c),
  },
  {
    id: "cluster-lift",
    title: "What each cluster buys more of: lift by sub-category",
    render: (d, c) => clusterLiftChart(d.lift, c),
  },
  {
    id: "segment-cluster",
    title: "RFM segments within each cluster",
    render: (d, c) => segmentClusterChart(d.crossTab, c),
  },
];
