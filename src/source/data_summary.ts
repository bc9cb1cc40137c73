import { type Dataset, queryRows } from "./dataset.ts";

/** What a loaded data set holds, as `deno task inspect` prints it. */
export interface DataSummary {
  /** Sale lines in the data model. */
  lines: number;
  /** Lines with a negative amount, and their total (a negative number). */
  returns: { lines: number; amount: number };
  /** First and last day with sales, `YYYY-MM-DD`; null when there are none. */
  from: string | null;
  to: string | null;
  stores: number;
  /** Distinct customer ids on sale lines. */
  customers: number;
  /** Sale lines without a customer id: they count in sales, not in the customer analyses. */
  linesWithoutCustomer: number;
  /** Rows of the `customers` table. */
  customerRecords: number;
  fuelLines: number;
  categories: { category: string; lines: number; amount: number }[];
}

/**
 * Counts what a data set holds: lines, returns, period, stores, customers
 * and categories.
 */
export async function dataSummary(data: Dataset): Promise<DataSummary> {
  const [totals] = await queryRows<
    Omit<DataSummary, "categories" | "returns" | "customerRecords"> & {
      return_lines: number;
      return_amount: number | null;
    }
  >(
    data,
    `SELECT count(*) AS lines,
            count(*) FILTER (WHERE amount < 0) AS return_lines,
            sum(amount) FILTER (WHERE amount < 0) AS return_amount,
            min(date) AS "from", max(date) AS "to",
            count(DISTINCT store) AS stores,
            count(DISTINCT customer_id) AS customers,
            count(*) FILTER (WHERE customer_id IS NULL) AS "linesWithoutCustomer",
            count(*) FILTER (WHERE gallons IS NOT NULL OR category = 'Fuel') AS "fuelLines"
     FROM sales`,
  );
  const [{ n }] = await queryRows<{ n: number }>(
    data,
    "SELECT count(*) AS n FROM customers",
  );
  const categories = await queryRows<DataSummary["categories"][number]>(
    data,
    `SELECT category, count(*) AS lines, sum(amount) AS amount FROM sales GROUP BY category ORDER BY amount DESC, category`,
  );
  return {
    lines: totals.lines,
    returns: { lines: totals.return_lines, amount: totals.return_amount ?? 0 },
    from: totals.from,
    to: totals.to,
    stores: totals.stores,
    customers: totals.customers,
    linesWithoutCustomer: totals.linesWithoutCustomer,
    customerRecords: n,
    fuelLines: totals.fuelLines,
    categories,
  };
}
