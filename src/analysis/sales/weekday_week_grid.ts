import type { Dataset } from "../../source/dataset.ts";
import { salesByDay } from "./sales_by_day.ts";
import type { SalesOptions } from "./sales_options.ts";
import { weekdayWeekGridFromDays } from "../../figures/sales/series_from_days.ts";

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
 * A seasonality grid: one cell per calendar day of the period, placed by ISO
 * week and weekday, in date order. Days outside the period have no cell.
 */
export async function weekdayWeekGrid(
  data: Dataset,
  options: SalesOptions = {},
): Promise<WeekdayWeekCell[]> {
  const { days } = await salesByDay(data, options, "the weekday by week grid");
  return weekdayWeekGridFromDays(days);
}
