/**
 * Day totals, the one input every time series derives from, and the pure
 * helpers that fill and sum them. Pure and free of DuckDB, so that the
 * report's page can run them on its cube.
 *
 * @module
 */
import type { SalesPeriod } from "./period_bounds.ts";
import { dateOfDay, dayNumber } from "../../model/calendar.ts";

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
  /**
   * Days of the period just before this entry that were left out, being
   * part of a gap of more than {@linkcode MAX_GAP_DAYS} days without lines;
   * absent when none were.
   */
  gapBefore?: number;
  /** On the last entry: days of the period after it that were left out. */
  gapAfter?: number;
}

/**
 * The longest run of days without lines that the series list (as days of
 * zero sales). A longer gap is left out, as the days outside the data
 * are: the series break there, so that their length follows the days with
 * sales, not the calendar span (a line in 1900 and one in 2099 give two
 * days, not 73,000).
 */
export const MAX_GAP_DAYS = 92;

/**
 * The calendar days of `period` that the series list: every day with
 * totals in `totals` (matched by date), and zeros on the days without,
 * except in a run of more than {@linkcode MAX_GAP_DAYS} such days (at
 * either end of the period too), which is left out; the entry after it
 * carries the days left out in `gapBefore`. Its length is at most the days
 * with totals times `maxGap + 1`, plus `maxGap`. Empty when `period` is null.
 *
 * @example
 * ```ts
 * import { coveredDays } from "./day_totals.ts";
 * const days = coveredDays({ from: "2024-03-01", to: "2024-03-03", days: 3 },
 *   [{ date: "2024-03-02", totalSales: 5, saleLines: 1 }]);
 * if (days.map((d) => d.totalSales).join() !== "0,5,0") throw new Error("not filled");
 * const apart = coveredDays({ from: "1900-01-01", to: "2099-12-31", days: 73049 },
 *   [{ date: "1900-01-01", totalSales: 1, saleLines: 1 },
 *    { date: "2099-12-31", totalSales: 2, saleLines: 1 }]);
 * if (apart.length !== 2 || apart[1].gapBefore !== 73047) throw new Error("not cut");
 * ```
 */
export function coveredDays(
  period: SalesPeriod | null,
  totals: Iterable<DayTotals>,
  maxGap: number = MAX_GAP_DAYS,
): DayTotals[] {
  if (!period) return [];
  const first = dayNumber(period.from);
  const last = dayNumber(period.to);
  const byDay = new Map<number, DayTotals>();
  for (const day of totals) {
    const n = dayNumber(day.date);
    if (n >= first && n <= last) byDay.set(n, day);
  }
  const out: DayTotals[] = [];
  let cursor = first;
  let gap = 0;
  const zeros = (until: number) => {
    if (until - cursor > maxGap) {
      gap = until - cursor;
      return;
    }
    for (; cursor < until; cursor++) {
      out.push({ date: dateOfDay(cursor), totalSales: 0, saleLines: 0 });
    }
  };
  for (const n of [...byDay.keys()].sort((a, b) => a - b)) {
    zeros(n);
    const day = byDay.get(n)!;
    out.push({
      date: day.date,
      totalSales: day.totalSales,
      saleLines: day.saleLines,
      ...(gap ? { gapBefore: gap } : {}),
    });
    gap = 0;
    cursor = n + 1;
  }
  zeros(last + 1);
  if (gap && out.length) out[out.length - 1].gapAfter = gap;
  return out;
}

/** One bucket of {@linkcode sumDays}. */
export interface DayBucket {
  key: string;
  /** Date of the bucket's first entry. */
  first: string;
  /** Calendar days in the bucket (see `DayTotals.days`). */
  days: number;
  /** Days left out just before the bucket (see `DayTotals.gapBefore`). */
  gapBefore?: number;
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
    if (day.gapBefore) bucket.gapBefore = day.gapBefore;
    bucket.totalSales += day.totalSales;
    bucket.saleLines += day.saleLines;
    buckets.set(key, bucket);
  }
  return [...buckets.values()];
}

/**
 * The runs of days left out of `days` (see {@linkcode coveredDays}), as
 * first and last day numbers, in date order.
 */
export function leftOutDays(days: readonly DayTotals[]): [number, number][] {
  const runs: [number, number][] = [];
  for (const day of days) {
    if (!day.gapBefore) continue;
    const n = dayNumber(day.date);
    runs.push([n - day.gapBefore, n - 1]);
  }
  const last = days[days.length - 1];
  if (last?.gapAfter) {
    const end = dayNumber(last.date) + (last.days ?? 1) - 1;
    runs.push([end + 1, end + last.gapAfter]);
  }
  return runs;
}
