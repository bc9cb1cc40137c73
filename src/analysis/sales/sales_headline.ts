import { type Dataset, queryRows } from "../../source/dataset.ts";
import type { SqlCondition } from "./sales_filter.ts";
import {
  headlineFromSums,
  type HeadlineSums,
  type HeadlineSumsByPeriod,
} from "../../figures/sales/headline_from_sums.ts";
import { previousPeriodCovered } from "../../figures/sales/period_bounds.ts";
import {
  andWhere,
  salesCondition,
  type SalesOptions,
} from "./sales_options.ts";
import { type SalesPeriod, salesPeriod } from "./sales_period.ts";
import type { SalesHeadline } from "../../figures/sales/headline_from_sums.ts";

export type {
  HeadlineChange,
  HeadlineFigures,
  SalesHeadline,
} from "../../figures/sales/headline_from_sums.ts";

/**
 * The figures a dashboard opens with: net and gross sales, returns, lines,
 * transactions and average basket, stores, customers, the period covered and
 * the change against the previous period of equal length.
 *
 * @example
 * ```ts
 * import { createDataset } from "../../source/dataset.ts";
 * import { salesHeadline } from "./sales_headline.ts";
 * const line = { date: "2024-03-01", store: "S1", city: null, region: null,
 *   channel: null, department: null, category: "Books", sub_category: null,
 *   customer_id: "C1", transaction_id: "T1", quantity: 1, amount: 30,
 *   gallons: null, fuel_type: null, fuel_price: null };
 * const data = await createDataset({ sales: [line,
 *   { ...line, transaction_id: "T2", quantity: -1, amount: -10 }] });
 * const headline = await salesHeadline(data);
 * // T2 holds only a return: a return transaction, not a purchase.
 * if (headline.transactions !== 1 || headline.returnTransactions !== 1 ||
 *   headline.averageBasket !== 30) {
 *   throw new Error("unexpected headline");
 * }
 * ```
 */
export async function salesHeadline(
  data: Dataset,
  options: SalesOptions = {},
): Promise<SalesHeadline> {
  return headlineFromSums(await salesHeadlineSums(data, options));
}

/**
 * The sums {@linkcode salesHeadline} follows from: those of the period and
 * of the previous period when the data covers it.
 */
export async function salesHeadlineSums(
  data: Dataset,
  options: SalesOptions = {},
): Promise<HeadlineSumsByPeriod> {
  const where = salesCondition(options, "the sales headline");
  const period = await salesPeriod(data, options);
  const current = await headlineSums(data, where);
  const previousPeriod = period
    ? await coveredPreviousPeriod(data, options, period)
    : null;
  const previous = previousPeriod
    ? await headlineSums(
      data,
      andWhere(
        salesCondition(options, "the sales headline", { dates: false }),
        "date BETWEEN ?::DATE AND ?::DATE",
        [previousPeriod.from, previousPeriod.to],
      ),
    )
    : null;
  return { period, current, previousPeriod, previous };
}

async function coveredPreviousPeriod(
  data: Dataset,
  options: SalesOptions,
  period: SalesPeriod,
): Promise<SalesPeriod | null> {
  const where = salesCondition(options, "the sales headline", {
    dates: false,
  });
  const [row] = await queryRows<{ first_day: string | null }>(
    data,
    `SELECT min(date) AS first_day FROM sales ${where.sql}`,
    where.params,
  );
  return previousPeriodCovered(period, row.first_day);
}

async function headlineSums(
  data: Dataset,
  where: SqlCondition,
): Promise<HeadlineSums> {
  const withId = andWhere(where, "transaction_id IS NOT NULL", []);
  const [row] = await queryRows<{
    total: number | null;
    gross: number | null;
    returned: number | null;
    lines: number;
    return_lines: number;
    transactions: number;
    return_transactions: number;
    purchase_sales: number | null;
    stores: number;
    customers: number;
  }>(
    data,
    `WITH baskets AS (
       SELECT bool_or(amount > 0) AS purchase, bool_or(amount < 0) AS return
       FROM sales ${withId.sql}
       GROUP BY transaction_id
     )
     SELECT sum(amount) AS total,
       sum(amount) FILTER (WHERE amount > 0) AS gross,
       -sum(amount) FILTER (WHERE amount < 0) AS returned,
       count(*) AS lines,
       count(*) FILTER (WHERE amount < 0) AS return_lines,
       (SELECT count(*) FILTER (WHERE purchase) FROM baskets) AS transactions,
       (SELECT count(*) FILTER (WHERE return AND NOT purchase) FROM baskets)
         AS return_transactions,
       sum(amount) FILTER (WHERE transaction_id IS NOT NULL AND amount > 0)
         AS purchase_sales,
       count(DISTINCT store) AS stores,
       count(DISTINCT customer_id) AS customers
     FROM sales ${where.sql}`,
    [...withId.params, ...where.params],
  );
  return {
    total: row.total,
    gross: row.gross,
    returned: row.returned,
    lines: row.lines,
    returnLines: row.return_lines,
    transactions: row.transactions,
    returnTransactions: row.return_transactions,
    purchaseSales: row.purchase_sales,
    stores: row.stores,
    customers: row.customers,
  };
}
