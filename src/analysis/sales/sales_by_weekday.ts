import type { Dataset } from "../../source/dataset.ts";
import { salesByDay } from "./sales_by_day.ts";
import type { SalesOptions } from "./sales_options.ts";
import { salesByWeekdayFromDays } from "../../figures/sales/series_from_days.ts";
import type { WeekdaySalesRow } from "../../figures/sales/series_from_days.ts";

export type { WeekdaySalesRow } from "../../figures/sales/series_from_days.ts";

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
