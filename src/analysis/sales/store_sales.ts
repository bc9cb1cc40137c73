import { type Dataset, queryRows } from "../../source/dataset.ts";
import {
  storeSalesFromTotals,
  type StoreTotals,
} from "../../figures/sales/grouped_totals.ts";
import { labelled } from "../../model/none_label.ts";
import { salesCondition, type SalesOptions } from "./sales_options.ts";
import type { StoreSalesRow } from "../../figures/sales/grouped_totals.ts";

export type { StoreSalesRow } from "../../figures/sales/grouped_totals.ts";

/**
 * Net sales per store, in total and per trading day. A trading day is a day
 * with at least one line of the store, so days a store was closed do not
 * lower its average. Highest average first, ties by store name.
 *
 * In a day × store cube, `tradingDays` is the number of the store's non-empty
 * cells: it is a count, not a sum of line values.
 *
 * @example
 * ```ts
 * import { createDataset } from "../../source/dataset.ts";
 * import { storeSales } from "./store_sales.ts";
 * const line = { date: "2024-03-01", store: "S1", city: "Leeds", region: null,
 *   channel: null, department: null, category: "Books", sub_category: null,
 *   customer_id: null, transaction_id: null, quantity: 1, amount: 30,
 *   gallons: null, fuel_type: null, fuel_price: null };
 * const data = await createDataset({ sales: [line,
 *   { ...line, amount: 10 }, { ...line, date: "2024-03-05", amount: 20 }] });
 * const [s1] = await storeSales(data);
 * if (s1.averageDailySales !== 30) throw new Error("expected (40 + 20) / 2");
 * ```
 */
export async function storeSales(
  data: Dataset,
  options: SalesOptions = {},
): Promise<StoreSalesRow[]> {
  return storeSalesFromTotals(await storeTotals(data, options));
}

/**
 * The sums {@linkcode storeSales} follows from: each store's net sales and
 * trading days, in no particular order.
 */
export async function storeTotals(
  data: Dataset,
  options: SalesOptions = {},
): Promise<StoreTotals[]> {
  const where = salesCondition(options, "sales by store");
  const rows = await queryRows<{
    store: string;
    city: string | null;
    total: number;
    days: number;
  }>(
    data,
    `WITH store_days AS (
       SELECT ${labelled("store")} AS store, date, min(city) AS city,
         sum(amount) AS sales
       FROM sales ${where.sql}
       GROUP BY 1, 2
     )
     SELECT store, min(city) AS city, sum(sales) AS total, count(*) AS days
     FROM store_days GROUP BY store ORDER BY store`,
    where.params,
  );
  return rows.map((row) => ({
    store: row.store,
    city: row.city,
    totalSales: row.total,
    tradingDays: row.days,
  }));
}
