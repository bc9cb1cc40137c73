import type { Dataset } from "../../source/dataset.ts";
import { salesByDay } from "./sales_by_day.ts";
import type { SalesOptions } from "./sales_options.ts";
import { salesByWeekdayFromDays } from "../../figures/sales/series_from_days.ts";

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

/**
 * Net sales by day of the week, Monday first. The average divides by the
 * number of such calendar days in the period, so a period with five Mondays
 * and four Sundays compares fairly. Weekdays the period does not contain are
 * left out.
 */
export async function salesByWeekday(
  data: Dataset,
  options: SalesOptions = {},
): Promise<WeekdaySalesRow[]> {
  const { days } = await salesByDay(data, options, "sales by weekday");
  return salesByWeekdayFromDays(days);
}
