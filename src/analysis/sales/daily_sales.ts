import type { Dataset } from "../../source/dataset.ts";
import { salesByDay } from "./sales_by_day.ts";
import type { SalesOptions } from "./sales_options.ts";
import { dailySalesFromDays } from "../../figures/sales/series_from_days.ts";
import type { DailySalesRow } from "../../figures/sales/series_from_days.ts";

export type { DailySalesRow } from "../../figures/sales/series_from_days.ts";

/** Options for {@linkcode dailySales}. */
export interface DailySalesOptions extends SalesOptions {
  /** Days in the moving average's window. Default 7. */
  window?: number;
}

/**
 * Net sales of every calendar day of the period, with a trailing moving
 * average (7 days by default). Days without lines are listed with zero sales.
 *
 * @example
 * ```ts
 * import { createDataset } from "../../source/dataset.ts";
 * import { dailySales } from "./daily_sales.ts";
 * const line = { date: "2024-03-01", store: "S1", city: null, region: null,
 *   channel: null, department: null, category: "Books", sub_category: null,
 *   customer_id: null, transaction_id: null, quantity: 1, amount: 30,
 *   gallons: null, fuel_type: null, fuel_price: null };
 * const data = await createDataset({ sales: [line,
 *   { ...line, date: "2024-03-03", amount: 60 }] });
 * const days = await dailySales(data);
 * if (days.length !== 3 || days[2].movingAverage !== 30) {
 *   throw new Error("expected (30 + 0 + 60) / 3 on the third day");
 * }
 * ```
 */
export async function dailySales(
  data: Dataset,
  options: DailySalesOptions = {},
): Promise<DailySalesRow[]> {
  const { window = 7, ...filter } = options;
  const { days } = await salesByDay(data, filter, "daily sales");
  return dailySalesFromDays(days, window);
}
