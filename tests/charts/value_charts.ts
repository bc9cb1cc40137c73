/** Renders every customer-value chart from the CDNOW reference histories, for the chart tests. */
import { aliveHeatmapChart } from "../../src/charts/value/alive_heatmap_chart.ts";
import { holdoutChart } from "../../src/charts/value/holdout_chart.ts";
import { valueDistributionChart } from "../../src/charts/value/value_distribution_chart.ts";
import type { SegmentChartOptions } from "../../src/charts/segments/segment_chart_options.ts";
import { valueFigures } from "../../src/figures/value/value_figures.ts";
import { NO_CUSTOMER_GROUPS } from "../../src/figures/segments/customer_groups.ts";
import { cdnowHistories } from "../figures/value/cdnow_reference.ts";

const HISTORIES = cdnowHistories();
const FIGURES = valueFigures(HISTORIES, NO_CUSTOMER_GROUPS, {}, HISTORIES);

/** The three charts of the customer value, by golden name. */
export function renderValueCharts(
  options: SegmentChartOptions,
): Record<string, Element> {
  if (!FIGURES.fitted || !FIGURES.holdout?.fitted) {
    throw new Error("The CDNOW reference must fit");
  }
  const { from, to } = FIGURES.holdout;
  return {
    value_distribution: valueDistributionChart(FIGURES.distribution, options),
    alive_heatmap: aliveHeatmapChart(FIGURES.aliveGrid, options),
    holdout: holdoutChart(FIGURES.holdout.rows, { ...options, from, to }),
  };
}
