/**
 * Cohorts: customers by the month of their first purchase, summed in SQL.
 *
 * @module
 */
export {
  type CohortAnalysis,
  cohortCells,
  type CohortCellsOptions,
  type CohortExclusions,
} from "./cohort_cells.ts";
