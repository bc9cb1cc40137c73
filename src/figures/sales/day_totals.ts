/**
 * Day totals, the one input every time series derives from, and the pure
 * helpers that fill and sum them. Pure and free of DuckDB, so that the
 * report's page can run them on its cube.
 *
 * @module
 */
import type { SalesPeriod } from "./period_bounds.ts";
import { eachDay } from "../../model/calendar.ts";

/** Net sales and line count of one calendar day. */
export interface DayTotals {
  date: string;
  totalSales: number;
  saleLines: number;
  /**
   * Calendar days the entry stands for: 1 when absent. A cube coarser than
   * days gives one entry per week or month, dated on its first day.
   */
  days?: number;
}

/**
 * Every calendar day of `period`, with the totals of `totals` (matched by
 * date) or zeros on days without lines. Empty when `period` is null.
 *
 * @example
 * ```ts
 * import { calendarDays } from "./day_totals.ts";
 * const days = calendarDays({ from: "2024-03-01", to: "2024-03-03", days: 3 },
 *   [{ date: "2024-03-02", totalSales: 5, saleLines: 1 }]);
 * if (days.map((d) => d.totalSales).join() !== "0,5,0") throw new Error("not filled");
 * ```
 */
export function calendarDays(
  period: SalesPeriod | null,
  totals: Iterable<DayTotals>,
): DayTotals[] {
  if (!period) return [];
  const byDate = new Map<string, DayTotals>();
  for (const day of totals) byDate.set(day.date, day);
  return eachDay(period.from, period.to).map((date) => ({
    date,
    totalSales: byDate.get(date)?.totalSales ?? 0,
    saleLines: byDate.get(date)?.saleLines ?? 0,
  }));
}

/** One bucket of {@linkcode sumDays}. */
export interface DayBucket {
  key: string;
  /** Date of the bucket's first entry. */
  first: string;
  /** Calendar days in the bucket (see `DayTotals.days`). */
  days: number;
  totalSales: number;
  saleLines: number;
}

/**
 * Sums consecutive days into buckets keyed by `keyOf` (weeks, months...),
 * in date order.
 */
export function sumDays(
  days: readonly DayTotals[],
  keyOf: (date: string) => string,
): DayBucket[] {
  const buckets = new Map<string, DayBucket>();
  for (const day of days) {
    const key = keyOf(day.date);
    const bucket = buckets.get(key) ??
      { key, first: day.date, days: 0, totalSales: 0, saleLines: 0 };
    bucket.days += day.days ?? 1;
    bucket.totalSales += day.totalSales;
    bucket.saleLines += day.saleLines;
    buckets.set(key, bucket);
  }
  return [...buckets.values()];
}
