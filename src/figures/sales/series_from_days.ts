/**
 * The pure halves of the time-series analyses: each derives its rows from
 * the day totals of the period (see `salesByDay` and `calendarDays`). The SQL
 * analyses (`dailySales`, `weeklySales`...) and the report page's cube both
 * call them, so the two cannot drift apart. They share a file, rather than
 * sit beside their SQL halves, because those import DuckDB and the page must
 * not.
 *
 * @module
 */
import {
  isoWeek,
  isoWeekday,
  isoWeekStart,
  MONTH_NAMES,
  WEEKDAY_NAMES,
} from "../../model/calendar.ts";
import type { DailySalesRow } from "../../analysis/sales/daily_sales.ts";
import { type DayTotals, sumDays } from "./day_totals.ts";
import type { MonthlySalesRow } from "../../analysis/sales/monthly_sales.ts";
import { relativeChange } from "./relative_change.ts";
import type { MonthOfYearSalesRow } from "../../analysis/sales/sales_by_month_of_year.ts";
import type { WeekdaySalesRow } from "../../analysis/sales/sales_by_weekday.ts";
import type { WeekdayWeekCell } from "../../analysis/sales/weekday_week_grid.ts";
import type { WeeklySalesRow } from "../../analysis/sales/weekly_sales.ts";

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
  return days.map((day, i) => {
    const first = Math.max(0, i + 1 - window);
    let windowSum = 0;
    for (let j = first; j <= i; j++) windowSum += days[j].totalSales;
    return {
      date: day.date,
      weekday: isoWeekday(day.date),
      totalSales: day.totalSales,
      saleLines: day.saleLines,
      movingAverage: windowSum / (i + 1 - first),
    };
  });
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
    change: i === 0
      ? null
      : relativeChange(week.totalSales, weeks[i - 1].totalSales),
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
    change: i === 0
      ? null
      : relativeChange(month.totalSales, months[i - 1].totalSales),
  }));
}

/** Months of the year summed over the years, with the average per day. */
export function salesByMonthOfYearFromDays(
  days: readonly DayTotals[],
): MonthOfYearSalesRow[] {
  return sumDays(days, (date) => date.slice(5, 7))
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
  return sumDays(days, (date) => String(isoWeekday(date)))
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
