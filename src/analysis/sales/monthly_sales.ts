import type { Dataset } from "../../source/dataset.ts";
import { salesByDay } from "./sales_by_day.ts";
import type { SalesOptions } from "./sales_options.ts";
import { monthlySalesFromDays } from "../../figures/sales/series_from_days.ts";

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
   * Compare partial months (see `days`) with care.
   */
  change: number | null;
}

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
