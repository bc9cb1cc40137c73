import { type Dataset, queryRows } from "../data/dataset.ts";
import { eachDay } from "./calendar.ts";
import { salesCondition, type SalesOptions } from "./sales_options.ts";
import { type SalesPeriod, salesPeriod } from "./sales_period.ts";

/** Net sales and line count of one calendar day. */
export interface DayTotals {
  date: string;
  totalSales: number;
  saleLines: number;
}

/**
 * Net sales of every calendar day of the period (see `salesPeriod`), days
 * without lines included as zeros. Every time series derives from it by
 * summing days, as a browser can from a day × ... cube.
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
     FROM sales ${where.sql} GROUP BY date`,
    where.params,
  );
  const byDate = new Map(rows.map((row) => [row.date, row]));
  return {
    period,
    days: eachDay(period.from, period.to).map((date) => ({
      date,
      totalSales: byDate.get(date)?.total ?? 0,
      saleLines: byDate.get(date)?.lines ?? 0,
    })),
  };
}

/**
 * Sums consecutive days into buckets keyed by `keyOf` (weeks, months...),
 * in date order.
 */
export function sumDays(
  days: readonly DayTotals[],
  keyOf: (date: string) => string,
): {
  key: string;
  first: string;
  days: number;
  totalSales: number;
  saleLines: number;
}[] {
  const buckets = new Map<
    string,
    {
      key: string;
      first: string;
      days: number;
      totalSales: number;
      saleLines: number;
    }
  >();
  for (const day of days) {
    const key = keyOf(day.date);
    const bucket = buckets.get(key) ??
      { key, first: day.date, days: 0, totalSales: 0, saleLines: 0 };
    bucket.days++;
    bucket.totalSales += day.totalSales;
    bucket.saleLines += day.saleLines;
    buckets.set(key, bucket);
  }
  return [...buckets.values()];
}
