import type { Dataset } from "../../source/dataset.ts";
import { salesByDay } from "./sales_by_day.ts";
import type { SalesOptions } from "./sales_options.ts";
import { salesByMonthOfYearFromDays } from "../../figures/sales/series_from_days.ts";

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
