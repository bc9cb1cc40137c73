import type { Dataset } from "../../source/dataset.ts";
import { salesByDay } from "./sales_by_day.ts";
import type { SalesOptions } from "./sales_options.ts";
import { weeklySalesFromDays } from "../../figures/sales/series_from_days.ts";
import type { WeeklySalesRow } from "../../figures/sales/series_from_days.ts";

export type { WeeklySalesRow } from "../../figures/sales/series_from_days.ts";

/**
 * Net sales by ISO week (Monday to Sunday), every week of the period listed,
 * with the change against the week before.
 *
 * @example
 * ```ts
 * import { createDataset } from "../../source/dataset.ts";
 * import { weeklySales } from "./weekly_sales.ts";
 * const line = { date: "2024-01-07", store: "S1", city: null, region: null,
 *   channel: null, department: null, category: "Books", sub_category: null,
 *   customer_id: null, transaction_id: null, quantity: 1, amount: 40,
 *   gallons: null, fuel_type: null, fuel_price: null };
 * const data = await createDataset({ sales: [line,
 *   { ...line, date: "2024-01-08", amount: 50 }] });
 * const [w1, w2] = await weeklySales(data);
 * if (w1.week !== "2024-W01" || w2.weekStart !== "2024-01-08" || w2.change !== 0.25) {
 *   throw new Error("unexpected weeks");
 * }
 * ```
 */
export async function weeklySales(
  data: Dataset,
  options: SalesOptions = {},
): Promise<WeeklySalesRow[]> {
  const { days } = await salesByDay(data, options, "weekly sales");
  return weeklySalesFromDays(days);
}
