import { type Dataset, queryRows } from "../../source/dataset.ts";
import { periodFromBounds } from "../../figures/sales/period_bounds.ts";
import { salesCondition, type SalesOptions } from "./sales_options.ts";
import type { SalesPeriod } from "../../figures/sales/period_bounds.ts";

export type { SalesPeriod } from "../../figures/sales/period_bounds.ts";

/**
 * The period an analysis covers. It starts on `from` when given, else on the
 * first selected line's day, and ends on the earlier of `to` and `asOf` when
 * given, else on the last selected line's day. Given bounds are clipped to
 * the data set's first and last day, so that no day the data does not cover
 * reads as a day without sales. Null when there is no such day (no data).
 *
 * @example
 * ```ts
 * import { createDataset } from "../../source/dataset.ts";
 * import { salesPeriod } from "./sales_period.ts";
 * const line = { store: "S1", city: null, region: null, channel: null,
 *   department: null, category: "Books", sub_category: null, customer_id: null,
 *   transaction_id: null, quantity: 1, amount: 5, gallons: null,
 *   fuel_type: null, fuel_price: null };
 * const data = await createDataset({ sales: [
 *   { ...line, date: "2024-03-01" }, { ...line, date: "2024-03-10" }] });
 * const period = await salesPeriod(data, { asOf: "2024-03-05" });
 * if (period?.days !== 5) throw new Error("expected 1 to 5 March");
 * ```
 */
export async function salesPeriod(
  data: Dataset,
  options: SalesOptions = {},
): Promise<SalesPeriod | null> {
  const where = salesCondition(options, "the sales period");
  const [row] = await queryRows<{
    first_day: string | null;
    last_day: string | null;
    selected_first: string | null;
    selected_last: string | null;
  }>(
    data,
    `SELECT (SELECT min(date) FROM sales) AS first_day,
       (SELECT max(date) FROM sales) AS last_day,
       min(date) AS selected_first, max(date) AS selected_last
     FROM sales ${where.sql}`,
    where.params,
  );
  return periodFromBounds(options, {
    firstDay: row.first_day,
    lastDay: row.last_day,
    selectedFirst: row.selected_first,
    selectedLast: row.selected_last,
  });
}
