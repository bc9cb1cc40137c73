import { addDays } from "../../model/calendar.ts";
import { round6 } from "../../stats/round6.ts";

/**
 * The sums a cohort table is made from, one per cohort, month since the
 * first purchase, RFM segment and cluster, so that a selection of segments
 * and clusters (the page's filters) is a sum of cells. Made by cohortCells
 * (SQL) and carried in the page.
 */
export interface CohortCells {
  /** The last day the data covers (up to the as-of date): months after it are not observed. */
  lastDate: string | null;
  /** Cohort months, `YYYY-MM`, indexed by the cells. */
  cohorts: string[];
  /** Segment names, indexed by the cells. */
  segments: string[];
  /** Cluster labels, indexed by the cells ("(none)" for no cluster). */
  clusters: string[];
  /**
   * One cell per tuple: cohort index, months since the cohort's month,
   * segment index, cluster index, customers with a purchase that month,
   * net sales of the cohort's customers that month.
   */
  cells: [number, number, number, number, number, number][];
}

/** One month of a cohort in the table. */
export interface CohortMonth {
  /** Months since the cohort's month: 0 is the month of the first purchase. */
  offset: number;
  /** The calendar month, `YYYY-MM`. */
  month: string;
  /**
   * `complete`: the data covers the whole month. `partial`: the data ends
   * inside it (the month of its last date), so its figures are not shown.
   * Months after the data's last date are not in the table at all.
   */
  status: "complete" | "partial";
  /** Customers of the cohort with a purchase in the month; null when partial. */
  active: number | null;
  /** `active` over the cohort's customers; null when partial. */
  share: number | null;
  /** Net sales of the cohort's customers in the month; null when partial. */
  revenue: number | null;
}

/** One cohort: the customers whose first purchase fell in one month. */
export interface CohortRow {
  /** The month of the first purchase, `YYYY-MM`. */
  cohort: string;
  customers: number;
  /** Whether the cohort's own month is the partial last month (more customers may join it). */
  openCohort: boolean;
  months: CohortMonth[];
}

/** The cohort table and what it was cut to. */
export interface CohortTable {
  lastDate: string | null;
  /** The month the data ends inside, `YYYY-MM`, or null when its last date ends a month. */
  partialMonth: string | null;
  rows: CohortRow[];
}

/** Which customers a cohort table counts: by RFM segment and cluster (empty or absent: all). */
export interface CohortSelection {
  segments?: readonly string[] | undefined;
  clusters?: readonly string[] | undefined;
}

/**
 * The cohort table of a selection of segments and clusters: per cohort, its
 * customers and, for each month from the first purchase to the data's last
 * month, the customers still buying, their share of the cohort and the
 * cohort's net sales. A complete month with no purchase is a real zero; the
 * month the data ends inside is `partial` with no figures; months after the
 * data's last date are left out. Cohorts the selection leaves empty are
 * left out.
 *
 * @example
 * ```ts
 * import { cohortTable } from "./cohort_table.ts";
 * const table = cohortTable({
 *   lastDate: "2024-03-15", cohorts: ["2024-01"], segments: ["Champions"], clusters: ["(none)"],
 *   cells: [[0, 0, 0, 0, 4, 100], [0, 2, 0, 0, 1, 30]],
 * });
 * const [row] = table.rows;
 * if (row.customers !== 4 || row.months[1].share !== 0) throw new Error("February is a real zero");
 * if (row.months[2].status !== "partial" || row.months[2].share !== null) throw new Error("March is partial");
 * ```
 */
export function cohortTable(
  data: CohortCells,
  selection: CohortSelection = {},
): CohortTable {
  const { lastDate } = data;
  const lastMonth = lastDate === null ? null : monthIndex(lastDate);
  const endsMonth = lastDate !== null &&
    lastDate.slice(0, 7) !== addDays(lastDate, 1).slice(0, 7);
  const segments = pick(data.segments, selection.segments);
  const clusters = pick(data.clusters, selection.clusters);
  const sums = new Map<number, Map<number, [number, number]>>();
  for (const [c, offset, s, k, active, revenue] of data.cells) {
    if (!segments.has(s) || !clusters.has(k)) continue;
    let byOffset = sums.get(c);
    if (!byOffset) sums.set(c, byOffset = new Map());
    const sum = byOffset.get(offset) ?? [0, 0];
    byOffset.set(offset, [sum[0] + active, sum[1] + revenue]);
  }
  const rows: CohortRow[] = [];
  for (const [c, cohort] of data.cohorts.entries()) {
    const byOffset = sums.get(c);
    const customers = byOffset?.get(0)?.[0] ?? 0;
    if (!byOffset || customers === 0 || lastMonth === null) continue;
    const start = monthIndex(`${cohort}-01`);
    const months: CohortMonth[] = [];
    for (let offset = 0; start + offset <= lastMonth; offset++) {
      const partial = start + offset === lastMonth && !endsMonth;
      const [active, revenue] = byOffset.get(offset) ?? [0, 0];
      months.push({
        offset,
        month: monthText(start + offset),
        status: partial ? "partial" : "complete",
        active: partial ? null : active,
        share: partial ? null : round6(active / customers),
        revenue: partial ? null : round6(revenue),
      });
    }
    rows.push({
      cohort,
      customers,
      openCohort: months[0]?.status === "partial",
      months,
    });
  }
  return {
    lastDate,
    partialMonth: lastDate !== null && !endsMonth ? lastDate.slice(0, 7) : null,
    rows,
  };
}

/** The indexes of `names` a filter keeps: all when it is empty. */
function pick(
  names: readonly string[],
  chosen: readonly string[] | undefined,
): Set<number> {
  const keep = chosen?.length ? new Set(chosen) : null;
  return new Set(
    names.flatMap((name, i) => !keep || keep.has(name) ? [i] : []),
  );
}

/** Months since year 0 of a `YYYY-MM-DD` or `YYYY-MM` text. */
export function monthIndex(date: string): number {
  return Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;
}

/** The `YYYY-MM` of a month index. */
export function monthText(index: number): string {
  const year = Math.floor(index / 12);
  return `${String(year).padStart(4, "0")}-${
    String(index - 12 * year + 1).padStart(2, "0")
  }`;
}
