/**
 * The pure step from cohort sums to the cohort table.
 *
 * @module
 */
export {
  type CohortCells,
  type CohortMonth,
  type CohortRow,
  type CohortSelection,
  type CohortTable,
  cohortTable,
  monthIndex,
  monthText,
} from "./cohort_table.ts";
export { selectCohortCells } from "./select_cohort_cells.ts";
export {
  cohortCellsFromColumns,
  type CohortColumns,
  cohortColumns,
} from "./cohort_columns.ts";
