/** Renders every segment and cluster chart from one dataset, for the chart tests. */
import type { Dataset } from "../../src/source/dataset.ts";
import { clusterCustomers } from "../../src/analysis/segments/cluster_customers.ts";
import { clusterLiftCells } from "../../src/figures/segments/cluster_lift_cells.ts";
import { rfmGrid } from "../../src/figures/segments/rfm_grid.ts";
import { rfmSegments } from "../../src/figures/segments/rfm_segments.ts";
import { rfmTable } from "../../src/analysis/segments/rfm_table.ts";
import { segmentClusterCrossTab } from "../../src/figures/segments/segment_cluster_cross_tab.ts";
import { clusterLiftChart } from "../../src/charts/segments/cluster_lift_chart.ts";
import { explainedVarianceChart } from "../../src/charts/segments/explained_variance_chart.ts";
import { pcaScatterChart } from "../../src/charts/segments/pca_scatter_chart.ts";
import { rfmGridChart } from "../../src/charts/segments/rfm_grid_chart.ts";
import { rfmSegmentsChart } from "../../src/charts/segments/rfm_segments_chart.ts";
import type { SegmentChartOptions } from "../../src/charts/segments/segment_chart_options.ts";
import { segmentClusterChart } from "../../src/charts/segments/segment_cluster_chart.ts";
import { silhouetteChart } from "../../src/charts/segments/silhouette_chart.ts";

/** The seven charts of the segmentation, by golden name. */
export async function renderSegmentCharts(
  data: Dataset,
  options: SegmentChartOptions,
): Promise<Record<string, Element>> {
  const rfm = await rfmTable(data);
  const clusters = await clusterCustomers(data, { rfm });
  return {
    rfm_segments: rfmSegmentsChart(rfmSegments(rfm.rows), options),
    rfm_grid: rfmGridChart(rfmGrid(rfm.rows), options),
    pca_scatter: pcaScatterChart(clusters.scatter.points, {
      ...options,
      clusters: clusters.clusters,
      explainedVariance: clusters.explainedVariance.map((c) => c.ratio),
      total: clusters.scatter.total,
    }),
    explained_variance: explainedVarianceChart(clusters.explainedVariance, {
      ...options,
      threshold: clusters.varianceThreshold,
    }),
    silhouette: silhouetteChart(clusters.silhouetteByK, {
      ...options,
      k: clusters.k,
      sampleSize: clusters.sampleSize,
    }),
    cluster_lift: clusterLiftChart(clusterLiftCells(clusters), options),
    segment_cluster: segmentClusterChart(
      segmentClusterCrossTab(rfm, clusters),
      options,
    ),
  };
}
