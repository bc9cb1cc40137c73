/**
 * The pure halves of `salesPeriod` and of the headline's previous period:
 * what the period is, given the first and last days of the data and of the
 * selection. Free of DuckDB, so that the report's page can run them.
 *
 * @module
 */
import { addDays, dayNumber } from "../../model/calendar.ts";
import { lastDay, type SalesOptions } from "./sales_options.ts";

/** A run of calendar days, both ends included. */
export interface SalesPeriod {
  /** First day, `YYYY-MM-DD`. */
  from: string;
  /** Last day, `YYYY-MM-DD`. */
  to: string;
  /** Number of calendar days from `from` to `to`, both included. */
  days: number;
}

/** The days {@linkcode periodFromBounds} needs; null when there are none. */
export interface PeriodBounds {
  /** First and last day of the whole data set. */
  firstDay: string | null;
  lastDay: string | null;
  /** First and last day of the selected lines (every filter applied). */
  selectedFirst: string | null;
  selectedLast: string | null;
}

/**
 * The period an analysis covers (see `salesPeriod`): `from` or else the
 * first selected day, to the earlier of `to` and `asOf` or else the last
 * selected day, given bounds clipped to the data's first and last day. Null
 * when there is no such day.
 *
 * @example
 * ```ts
 * import { periodFromBounds } from "./period_bounds.ts";
 * const period = periodFromBounds({ from: "2023-01-01", to: "2024-03-05" }, {
 *   firstDay: "2024-03-01", lastDay: "2024-03-31",
 *   selectedFirst: "2024-03-02", selectedLast: "2024-03-04" });
 * if (period?.from !== "2024-03-01" || period.days !== 5) throw new Error("not clipped");
 * ```
 */
export function periodFromBounds(
  options: SalesOptions,
  bounds: PeriodBounds,
): SalesPeriod | null {
  if (bounds.firstDay === null || bounds.lastDay === null) return null;
  const until = lastDay(options);
  const from = options.from
    ? later(options.from, bounds.firstDay)
    : bounds.selectedFirst;
  const to = until ? earlier(until, bounds.lastDay) : bounds.selectedLast;
  if (from === null || to === null || from > to) return null;
  return { from, to, days: dayNumber(to) - dayNumber(from) + 1 };
}

/**
 * The period of equal length just before `period`, when the selection
 * without its date bounds reaches back to its first day (`firstDay`, the
 * first day of those lines); else null.
 */
export function previousPeriodCovered(
  period: SalesPeriod,
  firstDay: string | null,
): SalesPeriod | null {
  const from = addDays(period.from, -period.days);
  if (firstDay === null || firstDay > from) return null;
  return { from, to: addDays(period.from, -1), days: period.days };
}

function later(a: string, b: string): string {
  return a > b ? a : b;
}

function earlier(a: string, b: string): string {
  return a < b ? a : b;
}
