import {
  addDays,
  dateOfDay,
  dayNumber,
  isIsoDate,
  isoWeekStart,
} from "../../model/calendar.ts";
import { periodFromBounds } from "./period_bounds.ts";
import { lastDay } from "./sales_options.ts";
import type { BasketDimension, CubeGrain, SalesCube } from "./sales_cube.ts";
import type { SalesPeriod } from "./period_bounds.ts";

/**
 * What the report's page filters by. Every list is "any of" and names
 * values of the cube's dimensions ("(none)" included); an empty or missing
 * list means no restriction. Dates are inclusive `YYYY-MM-DD`.
 */
export interface CubeFilter {
  categories?: readonly string[];
  regions?: readonly string[];
  stores?: readonly string[];
  channels?: readonly string[];
  /** RFM segments, as in the cube's `segment` dimension. */
  segments?: readonly string[];
  /** Customer clusters, as in the cube's `cluster` dimension. */
  clusters?: readonly string[];
  from?: string;
  to?: string;
}

/** The dimensions a {@linkcode CubeFilter} restricts, apart from time. */
export type FilteredDimension = BasketDimension | "category";

/** Which parts of a cube a filter keeps. */
export interface CubeSelection {
  /** The period covered, as `salesPeriod` gives it; see {@linkcode cubeSelection}. */
  period: SalesPeriod | null;
  /** Per dimension value: 1 when the filter keeps it (`period` excluded). */
  keep: Record<Exclude<FilteredDimension, "period">, Uint8Array>;
  /** Bits of the kept categories in the cube's masks; -1 when all are kept. */
  categoryMask: number;
  /** Per period of the cube: 1 when the date bounds keep it. */
  periods: Uint8Array;
  /** Per cell: 1 when the filter keeps it. */
  cells: Uint8Array;
  /** Per cell: 1 when the filter without its date bounds keeps it. */
  cellsAnyDate: Uint8Array;
  /** First day with lines under the filter without its date bounds, or null. */
  firstDayAnyDate: string | null;
  /**
   * Whether the filter keeps whole customers: it restricts nothing but
   * categories, segments and clusters, its dates covering all the data.
   */
  wholeCustomers: boolean;
  /** Per period of the cube: its first and last day (day numbers). */
  startDay: Int32Array;
  endDay: Int32Array;
}

const LISTS = {
  store: "stores",
  region: "regions",
  channel: "channels",
  category: "categories",
  segment: "segments",
  cluster: "clusters",
} as const;

/**
 * Selects the cells of `cube` that `filter` keeps and works out the period
 * as `salesPeriod` does for the cube's options combined with the filter:
 * from the later of `from` and the cube's own (clipped to the data's first
 * day) or else the first selected day, to the earlier of `to` and the
 * cube's own (clipped to the data's last day) or else the last selected
 * day; null when there is no such day. At a week or month
 * grain a cell is one whole period, so the date bounds snap outward to whole
 * periods (clipped to the data) and the first and last selected days are
 * those of the first and last selected periods. Throws a `RangeError` for a
 * date that is not `YYYY-MM-DD`.
 */
export function cubeSelection(
  cube: SalesCube,
  filter: CubeFilter,
): CubeSelection {
  for (const key of ["from", "to"] as const) {
    const value = filter[key];
    if (value !== undefined && value !== "" && !isIsoDate(value)) {
      throw new RangeError(
        `Cannot compute the page's sales figures: option "${key}": ${
          JSON.stringify(value)
        } is not a date (YYYY-MM-DD)`,
      );
    }
  }
  const { grain, dims } = cube;
  const keep = {} as CubeSelection["keep"];
  for (const [dim, list] of Object.entries(LISTS)) {
    const wanted = filter[list];
    const values = dims[dim as keyof typeof LISTS];
    const flags = new Uint8Array(values.length);
    const set = new Set(wanted ?? []);
    values.forEach((value, i) => {
      flags[i] = Number(set.size === 0 || set.has(value));
    });
    keep[dim as keyof typeof LISTS] = flags;
  }
  let categoryMask = -1;
  if (filter.categories?.length) {
    categoryMask = 0;
    keep.category.forEach((kept, i) => {
      if (kept) categoryMask |= 1 << i;
    });
  }
  const startDay = Int32Array.from(dims.period, (p) => dayNumber(p));
  const endDay = Int32Array.from(
    dims.period,
    (p) => dayNumber(periodEnd(p, grain)),
  );
  // The filter's date bounds within the cube's own, as the SQL analyses
  // would combine them.
  const own = cube.bounds.from;
  const fromBound = filter.from && own
    ? (filter.from > own ? filter.from : own)
    : filter.from || own || undefined;
  const to = lastDay({
    to: filter.to || undefined,
    asOf: cube.bounds.to ?? undefined,
  });
  const from = fromBound ? periodStart(fromBound, grain) : undefined;
  const periods = Uint8Array.from(
    dims.period,
    (p) => Number((!from || p >= from) && (!to || p <= to)),
  );
  const { cells } = cube;
  const selected = new Uint8Array(cells.length);
  const anyDate = new Uint8Array(cells.length);
  let first = Infinity, last = -1, firstAnyDate = Infinity;
  for (let i = 0; i < cells.length; i++) {
    if (
      !keep.category[cells.category[i]] || !keep.store[cells.store[i]] ||
      !keep.region[cells.region[i]] || !keep.channel[cells.channel[i]] ||
      !keep.segment[cells.segment[i]] || !keep.cluster[cells.cluster[i]]
    ) continue;
    const p = cells.period[i];
    anyDate[i] = 1;
    if (p < firstAnyDate) firstAnyDate = p;
    if (!periods[p]) continue;
    selected[i] = 1;
    if (p < first) first = p;
    if (p > last) last = p;
  }
  const dataFirst = cube.from === null ? 0 : dayNumber(cube.from);
  const dataLast = cube.to === null ? 0 : dayNumber(cube.to);
  const firstDayOf = (p: number) =>
    p === Infinity ? null : dateOfDay(Math.max(startDay[p], dataFirst));
  const period = periodFromBounds({
    from,
    to: to ? periodEnd(to, grain) : undefined,
  }, {
    firstDay: cube.bounds.dataFrom,
    lastDay: cube.bounds.dataTo,
    selectedFirst: firstDayOf(first),
    selectedLast: last < 0 ? null : dateOfDay(Math.min(endDay[last], dataLast)),
  });
  return {
    period,
    keep,
    categoryMask,
    periods,
    cells: selected,
    cellsAnyDate: anyDate,
    firstDayAnyDate: firstDayOf(firstAnyDate),
    wholeCustomers: !filter.regions?.length && !filter.stores?.length &&
      !filter.channels?.length &&
      (!filter.from || cube.from === null || filter.from <= cube.from) &&
      (!filter.to || cube.to === null || filter.to >= cube.to),
    startDay,
    endDay,
  };
}

/** The first day of the `grain` period holding `date`. */
export function periodStart(date: string, grain: CubeGrain): string {
  if (grain === "week") return isoWeekStart(date);
  if (grain === "month") return `${date.slice(0, 7)}-01`;
  return date;
}

/** The last day of the `grain` period starting on or holding `date`. */
export function periodEnd(date: string, grain: CubeGrain): string {
  if (grain === "day") return date;
  return addDays(nextPeriodStart(periodStart(date, grain), grain), -1);
}

/** The first day of the `grain` period after the one starting on `start`. */
export function nextPeriodStart(start: string, grain: CubeGrain): string {
  if (grain === "day") return addDays(start, 1);
  if (grain === "week") return addDays(start, 7);
  const year = Number(start.slice(0, 4));
  const month = Number(start.slice(5, 7));
  return month === 12
    ? `${year + 1}-01-01`
    : `${year}-${String(month + 1).padStart(2, "0")}-01`;
}
