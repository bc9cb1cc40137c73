/**
 * The pure halves of the time-series analyses: each derives its rows from
 * the day totals of the period (see `salesByDay` and `coveredDays`). The SQL
 * analyses (`dailySales`, `weeklySales`...) and the report page's cube both
 * call them, so the two cannot drift apart. They share a file, rather than
 * sit beside their SQL halves, because those import DuckDB and the page must
 * not.
 *
 * @module
 */
import {
  dateOfDay,
  dayNumber,
  isoWeek,
  isoWeekday,
  isoWeekStart,
  MONTH_NAMES,
  WEEKDAY_NAMES,
} from "../../model/calendar.ts";
import {
  type DayBucket,
  type DayTotals,
  leftOutDays,
  sumDays,
} from "./day_totals.ts";
import { relativeChange } from "./relative_change.ts";

/** One calendar day's sales. */
export interface DailySalesRow {
  /** `YYYY-MM-DD`. */
  date: string;
  /** ISO weekday, 1 = Monday to 7 = Sunday. */
  weekday: number;
  /** Net sales of the day; 0 on a day without lines. */
  totalSales: number;
  saleLines: number;
  /**
   * Mean net sales of the `window` calendar days ending on this day, days
   * without sales counting as zeros (those of a gap left out too). The first
   * days of the period average over the days available so far (the first
   * day's average is its own sales).
   */
  movingAverage: number;
  /**
   * Days without lines left out just before this row (a gap of more than
   * `MAX_GAP_DAYS`); absent when none were. The series breaks here.
   */
  gapBefore?: number;
}

/** One ISO week's sales. */
export interface WeeklySalesRow {
  /** ISO week, `YYYY-Www` (ISO year, which can differ from the calendar year). */
  week: string;
  /** The week's Monday, `YYYY-MM-DD`. */
  weekStart: string;
  /** Days of the period in this week: fewer than 7 at the period's edges. */
  days: number;
  /** Net sales of the week; 0 for a week without lines. */
  totalSales: number;
  saleLines: number;
  /**
   * Week-over-week change as a fraction of the previous week's net sales
   * (0.1 = +10 %); null for the first week or after a week of zero sales.
   * Compare partial weeks (`days` < 7) with care. Null after a gap left out.
   */
  change: number | null;
  /** Days left out just before this week (see `DailySalesRow.gapBefore`). */
  gapBefore?: number;
}

/** One calendar month's sales. */
export interface MonthlySalesRow {
  /** `YYYY-MM`. */
  month: string;
  /** Days of the period in this month: fewer at the period's edges. */
  days: number;
  /** Net sales of the month; 0 for a month without lines. */
  totalSales: number;
  saleLines: number;
  /**
   * Month-over-month change as a fraction of the previous month's net sales
   * (0.1 = +10 %); null for the first month or after a month of zero sales.
   * Compare partial months (see `days`) with care. Null after a gap left out.
   */
  change: number | null;
  /** Days left out just before this month (see `DailySalesRow.gapBefore`). */
  gapBefore?: number;
}

/** Sales of one month of the year (all Januaries, all Februaries...). */
export interface MonthOfYearSalesRow {
  /** 1 = January to 12 = December. */
  month: number;
  /** "Jan" to "Dec". */
  monthName: string;
  /** Calendar days of the period falling in this month, over all years. */
  days: number;
  /** Net sales of those days. */
  totalSales: number;
  /** `totalSales / days`: fair across partial months and uneven years. */
  averageDailySales: number;
}

/** Sales of one day of the week over the whole period. */
export interface WeekdaySalesRow {
  /** ISO weekday, 1 = Monday to 7 = Sunday. */
  weekday: number;
  /** "Mon" to "Sun". */
  weekdayName: string;
  /** How many such days the period has (calendar days, with or without sales). */
  days: number;
  /** Net sales of all those days. */
  totalSales: number;
  /** `totalSales / days`. */
  averageDailySales: number;
}

/** One cell of the weekday × ISO week grid: one calendar day. */
export interface WeekdayWeekCell {
  date: string;
  /** ISO week, `YYYY-Www`. */
  week: string;
  /** The week's Monday. */
  weekStart: string;
  /** ISO weekday, 1 = Monday to 7 = Sunday. */
  weekday: number;
  /** "Mon" to "Sun". */
  weekdayName: string;
  /** Net sales of the day; 0 on a day without lines. */
  totalSales: number;
}

/**
 * Daily rows with a trailing moving average over `window` days (days
 * without sales count as zeros; the first days average over the days
 * available so far). Throws a `RangeError` for a window that is not a
 * positive whole number.
 *
 * @example
 * ```ts
 * import { dailySalesFromDays } from "./series_from_days.ts";
 * const rows = dailySalesFromDays([
 *   { date: "2024-03-01", totalSales: 30, saleLines: 1 },
 *   { date: "2024-03-02", totalSales: 0, saleLines: 0 },
 *   { date: "2024-03-03", totalSales: 60, saleLines: 1 },
 * ], 7);
 * if (rows[2].movingAverage !== 30) throw new Error("expected (30 + 0 + 60) / 3");
 * ```
 */
export function dailySalesFromDays(
  days: readonly DayTotals[],
  window: number,
): DailySalesRow[] {
  if (!Number.isInteger(window) || window < 1) {
    throw new RangeError(
      `Cannot compute daily sales: option "window": ${window} is not a positive whole number`,
    );
  }
  // The window is one of calendar days: entries `first..i` are those of
  // its days that are listed; the others (a gap left out) had no sales.
  // `start` numbers the period's first day, before any gap left out there.
  const start = days.length
    ? dayNumber(days[0].date) - (days[0].gapBefore ?? 0)
    : 0;
  let first = 0;
  return days.map((day, i) => {
    const today = dayNumber(day.date);
    while (dayNumber(days[first].date) <= today - window) first++;
    let windowSum = 0;
    for (let j = first; j <= i; j++) windowSum += days[j].totalSales;
    return {
      date: day.date,
      weekday: isoWeekday(day.date),
      totalSales: day.totalSales,
      saleLines: day.saleLines,
      movingAverage: windowSum / Math.min(window, today - start + 1),
      ...(day.gapBefore ? { gapBefore: day.gapBefore } : {}),
    };
  });
}

/**
 * Daily rows from entries that each stand for a whole week or month (a cube
 * coarser than days, see `DayTotals.days`): one row per entry, dated on its
 * first day, the `movingAverage` being the entry's mean per day.
 */
export function dailySalesFromPeriods(
  entries: readonly DayTotals[],
): DailySalesRow[] {
  return entries.map((entry) => ({
    date: entry.date,
    weekday: isoWeekday(entry.date),
    totalSales: entry.totalSales,
    saleLines: entry.saleLines,
    movingAverage: entry.totalSales / (entry.days ?? 1),
    ...(entry.gapBefore ? { gapBefore: entry.gapBefore } : {}),
  }));
}

/** ISO weeks (Monday to Sunday) with the change against the week before. */
export function weeklySalesFromDays(
  days: readonly DayTotals[],
): WeeklySalesRow[] {
  const weeks = sumDays(days, isoWeekStart);
  return weeks.map((week, i) => ({
    week: isoWeek(week.key),
    weekStart: week.key,
    days: week.days,
    totalSales: week.totalSales,
    saleLines: week.saleLines,
    change: i === 0 || week.gapBefore
      ? null
      : relativeChange(week.totalSales, weeks[i - 1].totalSales),
    ...(week.gapBefore ? { gapBefore: week.gapBefore } : {}),
  }));
}

/** Calendar months with the change against the month before. */
export function monthlySalesFromDays(
  days: readonly DayTotals[],
): MonthlySalesRow[] {
  const months = sumDays(days, (date) => date.slice(0, 7));
  return months.map((month, i) => ({
    month: month.key,
    days: month.days,
    totalSales: month.totalSales,
    saleLines: month.saleLines,
    change: i === 0 || month.gapBefore
      ? null
      : relativeChange(month.totalSales, months[i - 1].totalSales),
    ...(month.gapBefore ? { gapBefore: month.gapBefore } : {}),
  }));
}

/** Months of the year summed over the years, with the average per day. */
export function salesByMonthOfYearFromDays(
  days: readonly DayTotals[],
): MonthOfYearSalesRow[] {
  const buckets = sumDays(days, (date) => date.slice(5, 7));
  // The days of a gap left out count too: they are calendar days of the
  // period, without sales. One step a month of the gap.
  for (const [first, last] of leftOutDays(days)) {
    for (let d = first; d <= last;) {
      const date = dateOfDay(d);
      const next = dayNumber(
        date.slice(5, 7) === "12"
          ? `${Number(date.slice(0, 4)) + 1}-01-01`
          : `${date.slice(0, 5)}${
            String(Number(date.slice(5, 7)) + 1).padStart(2, "0")
          }-01`,
      );
      addDays(buckets, date.slice(5, 7), Math.min(next, last + 1) - d);
      d = next;
    }
  }
  return buckets
    .map((bucket) => {
      const month = Number(bucket.key);
      return {
        month,
        monthName: MONTH_NAMES[month - 1],
        days: bucket.days,
        totalSales: bucket.totalSales,
        averageDailySales: bucket.totalSales / bucket.days,
      };
    })
    .sort((a, b) => a.month - b.month);
}

/** Days of the week, Monday first, with the average per such day. */
export function salesByWeekdayFromDays(
  days: readonly DayTotals[],
): WeekdaySalesRow[] {
  const buckets = sumDays(days, (date) => String(isoWeekday(date)));
  // The days of a gap left out count too, as in salesByMonthOfYearFromDays.
  for (const [first, last] of leftOutDays(days)) {
    const length = last - first + 1;
    for (let k = 0; k < Math.min(7, length); k++) {
      const weekday = isoWeekday(dateOfDay(first + k));
      addDays(buckets, String(weekday), Math.floor((length - k - 1) / 7) + 1);
    }
  }
  return buckets
    .map((bucket) => {
      const weekday = Number(bucket.key);
      return {
        weekday,
        weekdayName: WEEKDAY_NAMES[weekday - 1],
        days: bucket.days,
        totalSales: bucket.totalSales,
        averageDailySales: bucket.totalSales / bucket.days,
      };
    })
    .sort((a, b) => a.weekday - b.weekday);
}

/** One weekday × ISO week cell per day, in date order. */
export function weekdayWeekGridFromDays(
  days: readonly DayTotals[],
): WeekdayWeekCell[] {
  return days.map((day) => {
    const weekday = isoWeekday(day.date);
    return {
      date: day.date,
      week: isoWeek(day.date),
      weekStart: isoWeekStart(day.date),
      weekday,
      weekdayName: WEEKDAY_NAMES[weekday - 1],
      totalSales: day.totalSales,
    };
  });
}

/** Adds `days` days without sales to the bucket `key`, made if missing. */
function addDays(buckets: DayBucket[], key: string, days: number): void {
  let bucket = buckets.find((b) => b.key === key);
  if (!bucket) {
    bucket = { key, first: "", days: 0, totalSales: 0, saleLines: 0 };
    buckets.push(bucket);
  }
  bucket.days += days;
}
