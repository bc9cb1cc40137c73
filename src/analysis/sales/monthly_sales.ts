import type { Dataset } from "../../source/dataset.ts";
import { salesByDay } from "./sales_by_day.ts";
import type { SalesOptions } from "./sales_options.ts";
import { monthlySalesFromDays } from "../../figures/sales/series_from_days.ts";
import type { MonthlySalesRow } from "../../figures/sales/series_from_days.ts";

export type { MonthlySalesRow } from "../../figures/sales/series_from_days.ts";

/**
 * Net sales by calendar month, every month of the period listed, with the
 * change against the month before.
 */
export async function monthlySales(
  data: Dataset,
  options: SalesOptions = {},
): Promise<MonthlySalesRow[]> {
  const { days } = await salesByDay(data, options, "monthly sales");
  return monthlySalesFromDays(days);
}
