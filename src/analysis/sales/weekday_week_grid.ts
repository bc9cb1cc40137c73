import type { Dataset } from "../../source/dataset.ts";
import { salesByDay } from "./sales_by_day.ts";
import type { SalesOptions } from "./sales_options.ts";
import { weekdayWeekGridFromDays } from "../../figures/sales/series_from_days.ts";
import type { WeekdayWeekCell } from "../../figures/sales/series_from_days.ts";

export type { WeekdayWeekCell } from "../../figures/sales/series_from_days.ts";

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
