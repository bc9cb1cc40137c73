import type { CohortCells, CohortSelection } from "./cohort_table.ts";

/**
 * The cells of the selected segments and clusters only (an empty or absent
 * list keeps all), every other field kept: what the page carries when the
 * command line chose segments or clusters, so that the page's own filters
 * can only narrow the selection.
 *
 * @example
 * ```ts
 * import { selectCohortCells } from "./select_cohort_cells.ts";
 * const cells = selectCohortCells({
 *   lastDate: "2024-01-31", cohorts: ["2024-01"], segments: ["Lost", "Champions"],
 *   clusters: ["(none)"], cells: [[0, 0, 0, 0, 1, 5], [0, 0, 1, 0, 2, 9]],
 * }, { segments: ["Champions"] });
 * if (cells.cells.length !== 1 || cells.cells[0][4] !== 2) throw new Error();
 * ```
 */
export function selectCohortCells<T extends CohortCells>(
  data: T,
  selection: CohortSelection,
): T {
  const keep = (names: readonly string[], chosen?: readonly string[]) => {
    const set = chosen?.length ? new Set(chosen) : null;
    return names.map((name) => !set || set.has(name));
  };
  const segments = keep(data.segments, selection.segments);
  const clusters = keep(data.clusters, selection.clusters);
  return {
    ...data,
    cells: data.cells.filter(([, , s, k]) => segments[s] && clusters[k]),
  };
}
