import { cohortHeatmapChart } from "../../charts/cohorts/cohort_heatmap_chart.ts";
import type { CohortTable } from "../../figures/cohorts/cohort_table.ts";
import type { ChartSlot } from "../slots/chart_slots.ts";

/**
 * The cohorts section's chart as a slot, so that the server draws it at
 * `--width` and the page's script draws it again at its column's width,
 * as every other chart.
 */
export const COHORT_CHARTS: readonly ChartSlot<CohortTable>[] = [
  {
    id: "cohort-heatmap",
    title: "Share of each cohort buying again",
    render: (table, context) =>
      table.rows.length ? cohortHeatmapChart(table, context) : null,
  },
];
