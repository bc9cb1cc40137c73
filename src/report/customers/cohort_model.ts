import type { CohortAnalysis } from "../../analysis/cohorts/cohort_cells.ts";
import {
  type CohortRow,
  cohortTable,
} from "../../figures/cohorts/cohort_table.ts";

/** The cohort part of report.json. */
export interface CohortModel {
  /** The last day the data covers, up to the as-of date. */
  lastDate: string | null;
  /** The month the data ends inside (its months are `partial`, with null figures), or null. */
  partialMonth: string | null;
  /** Which filters the cohorts follow: the segment and cluster filters, by customer. */
  follows: ["segments", "clusters"];
  /** One per cohort, each with its months up to the data's last (later months are absent). */
  rows: CohortRow[];
  excluded: CohortAnalysis["excluded"];
}

/** report.json's cohorts: the table of the command line's selection, with what it leaves out. */
export function cohortModel(cells: CohortAnalysis): CohortModel {
  const table = cohortTable(cells);
  return {
    lastDate: table.lastDate,
    partialMonth: table.partialMonth,
    follows: ["segments", "clusters"],
    rows: table.rows,
    excluded: cells.excluded,
  };
}
