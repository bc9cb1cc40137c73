import type { CohortCells } from "./cohort_table.ts";

/**
 * Cohort cells as the page carries them: one array per field rather than
 * one per cell, and net sales in cents, which gzip packs into about two
 * thirds of the bytes (45 KB rather than 65 KB for the real retail set's
 * 9,336 cells by segment and cluster).
 */
export interface CohortColumns extends Omit<CohortCells, "cells"> {
  /** Cohort, month offset, segment, cluster, customers buying, net sales in cents. */
  columns: [number[], number[], number[], number[], number[], number[]];
}

/**
 * The cells by field, net sales in cents.
 *
 * @example
 * ```ts
 * import { cohortCellsFromColumns, cohortColumns } from "./cohort_columns.ts";
 * const cells = { lastDate: "2024-01-31", cohorts: ["2024-01"], segments: ["Lost"],
 *   clusters: ["(none)"], cells: [[0, 0, 0, 0, 3, 12.5]] as [number, number, number, number, number, number][] };
 * const columns = cohortColumns(cells);
 * if (columns.columns[5][0] !== 1250) throw new Error();
 * if (cohortCellsFromColumns(columns).cells[0][5] !== 12.5) throw new Error();
 * ```
 */
export function cohortColumns(data: CohortCells): CohortColumns {
  const { cells, ...rest } = data;
  const field = (i: number) => cells.map((cell) => cell[i]);
  return {
    ...rest,
    columns: [
      field(0),
      field(1),
      field(2),
      field(3),
      field(4),
      cells.map((cell) => Math.round(cell[5] * 100)),
    ],
  };
}

/** The cells again from {@linkcode cohortColumns}, net sales to the cent. */
export function cohortCellsFromColumns(data: CohortColumns): CohortCells {
  const { columns, ...rest } = data;
  const [c, o, s, k, a, r] = columns;
  return {
    ...rest,
    cells: c.map((_, i) => [c[i], o[i], s[i], k[i], a[i], r[i] / 100]),
  };
}
