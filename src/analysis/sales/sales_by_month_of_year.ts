import type { Dataset } from "../../source/dataset.ts";
import { salesByDay } from "./sales_by_day.ts";
import type { SalesOptions } from "./sales_options.ts";
import { salesByMonthOfYearFromDays } from "../../figures/sales/series_from_days.ts";
import type { MonthOfYearSalesRow } from "../../figures/sales/series_from_days.ts";

export type { MonthOfYearSalesRow } from "../../figures/sales/series_from_days.ts";

/**
 * Seasonality by month of the year: net sales of each month summed over the
 * years of the period, with the average per calendar day. Months the period
 * does not contain are left out.
 */
export async function salesByMonthOfYear(
  data: Dataset,
  options: SalesOptions = {},
): Promise<MonthOfYearSalesRow[]> {
  const { days } = await salesByDay(data, options, "sales by month of year");
  return salesByMonthOfYearFromDays(days);
}
