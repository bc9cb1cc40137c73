import { type Dataset, queryRows } from "../../source/dataset.ts";
import { coveredDays, type DayTotals } from "../../figures/sales/day_totals.ts";
import { salesCondition, type SalesOptions } from "./sales_options.ts";
import { type SalesPeriod, salesPeriod } from "./sales_period.ts";

export { type DayTotals, sumDays } from "../../figures/sales/day_totals.ts";

/**
 * Net sales of the calendar days of the period (see `salesPeriod`), days
 * without lines included as zeros, but for gaps of more than
 * `MAX_GAP_DAYS` such days, left out (see `coveredDays`). Every time series
 * derives from it by summing days, as a browser can from a day × ... cube.
 */
export async function salesByDay(
  data: Dataset,
  options: SalesOptions,
  what: string,
): Promise<{ period: SalesPeriod | null; days: DayTotals[] }> {
  const where = salesCondition(options, what);
  const period = await salesPeriod(data, options);
  if (!period) return { period, days: [] };
  const rows = await queryRows<{ date: string; total: number; lines: number }>(
    data,
    `SELECT date, sum(amount) AS total, count(*) AS lines
     FROM sales ${where.sql} GROUP BY date ORDER BY date`,
    where.params,
  );
  return {
    period,
    days: coveredDays(
      period,
      rows.map((row) => ({
        date: row.date,
        totalSales: row.total,
        saleLines: row.lines,
      })),
    ),
  };
}
