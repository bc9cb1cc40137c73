import { type Dataset, queryRows } from "../../source/dataset.ts";
import { engineOf } from "../../source/duckdb_engine.ts";

/** Customers' histories read from the engine at a time. */
export const HISTORY_PAGE = 50_000;

/**
 * Each customer's purchase history for the customer-value models, one
 * entry per customer in id order, as columns. Time is in weeks (days / 7).
 */
export interface PurchaseHistories {
  customers: string[];
  /** Repeat purchases in the calibration period: purchase days after the first. */
  x: Float64Array;
  /** Weeks from the first purchase to the last, in the calibration period. */
  tx: Float64Array;
  /** Weeks from the first purchase to the end of the calibration period. */
  T: Float64Array;
  /** The mean value of the repeat purchases (the first left out); 0 when x = 0. */
  zbar: Float64Array;
  /** Purchase days in the holdout period, when there is one. */
  holdout?: Float64Array;
  /** The last day of the calibration period, `YYYY-MM-DD`. */
  calibrationEnd: string;
  /** The holdout period's first and last days and its length in weeks. */
  holdoutPeriod?: { from: string; to: string; weeks: number };
}

/** Options for {@linkcode purchaseHistories}. */
export interface PurchaseHistoriesOptions {
  /**
   * The first day of the holdout period, `YYYY-MM-DD`: the calibration
   * period ends the day before, and purchases from this day to the last
   * sale are counted in `holdout`. Without it the calibration period runs
   * to the last sale and there is no holdout.
   */
  holdoutFrom?: string;
  /**
   * The last day of sales to read, `YYYY-MM-DD` (the report's as-of date):
   * later lines are left out. Default: every line.
   */
  to?: string;
  /** Customers read from the engine at a time; default HISTORY_PAGE. */
  page?: number;
}

/**
 * Summarises each customer's purchases for the BG/NBD and Gamma-Gamma
 * models, in SQL: a purchase is a customer's day with sale lines of
 * amount 0 or more (a free item counts, as in CDNOW; all lines of a day are one purchase, the papers' rule,
 * whatever their transaction ids), worth the sum of those lines; returns
 * (negative lines) are left out. Customers whose first purchase falls in
 * the holdout period are left out too: the models describe customers
 * already acquired. Lines without a customer id are ignored.
 *
 * @example
 * ```ts
 * import { createDataset } from "../../source/dataset.ts";
 * import { purchaseHistories } from "./purchase_histories.ts";
 * const line = (customer_id: string, date: string, amount: number) => ({
 *   date, store: null, city: null, region: null, channel: null, department: null,
 *   category: "CDs", sub_category: null, customer_id, transaction_id: null,
 *   quantity: 1, amount, gallons: null, fuel_type: null, fuel_price: null,
 * });
 * const data = await createDataset({ sales: [
 *   line("A", "2024-01-01", 10), line("A", "2024-01-08", 20), line("A", "2024-01-08", 4),
 *   line("A", "2024-01-15", 7), line("A", "2024-01-20", 9), line("B", "2024-01-02", 5),
 * ] });
 * const h = await purchaseHistories(data, { holdoutFrom: "2024-01-16" });
 * if (h.x[0] !== 2 || h.tx[0] !== 2 || h.T[0] !== 2 || h.zbar[0] !== 15.5 || h.holdout?.[0] !== 1) {
 *   throw new Error(JSON.stringify(h));
 * }
 * ```
 */
export async function purchaseHistories(
  data: Dataset,
  options: PurchaseHistoriesOptions = {},
): Promise<PurchaseHistories> {
  const { holdoutFrom, to, page = HISTORY_PAGE } = options;
  for (
    const [what, date] of [["a holdout from", holdoutFrom], ["sales to", to]]
  ) {
    if (date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(date)) {
      throw new RangeError(
        `Cannot summarise purchases with ${what} ${
          JSON.stringify(date)
        }: the date is not in YYYY-MM-DD form`,
      );
    }
  }
  const upTo = to === undefined ? "" : ` AND date <= DATE '${to}'`;
  const [range] = await queryRows<
    { first: string | null; last: string | null }
  >(
    data,
    `SELECT min(date) AS first, max(date) AS last FROM sales
     WHERE customer_id IS NOT NULL AND amount >= 0${upTo}`,
  );
  if (range.first === null || range.last === null) {
    throw new RangeError(
      "Cannot summarise purchases: no sale line has a customer id and an amount of 0 or more",
    );
  }
  if (
    holdoutFrom !== undefined &&
    !(range.first < holdoutFrom && holdoutFrom <= range.last)
  ) {
    throw new RangeError(
      `Cannot summarise purchases with a holdout from ${holdoutFrom}: the purchases run from ${range.first} to ${range.last}`,
    );
  }
  const end = holdoutFrom === undefined
    ? `DATE '${range.last}'`
    : `(DATE '${holdoutFrom}' - 1)`;
  // The histories are made in the engine and read a page of customers at
  // a time, numbered in id order, so that no array of a row object per
  // customer is ever held.
  const engine = engineOf(data);
  await engine.run("DROP TABLE IF EXISTS value_histories");
  await engine.run(
    `CREATE TEMP TABLE value_histories AS WITH days AS (
       SELECT customer_id, date, sum(amount) AS value
       FROM sales WHERE customer_id IS NOT NULL AND amount >= 0${upTo}
       GROUP BY customer_id, date
     ), firsts AS (
       SELECT customer_id, date, value,
         min(date) OVER (PARTITION BY customer_id) AS first
       FROM days
     ), histories AS (
       SELECT customer_id,
         count(*) FILTER (WHERE date <= ${end}) - 1 AS x,
         (max(date) FILTER (WHERE date <= ${end}) - min(date)) / 7.0 AS tx,
         (${end} - min(date)) / 7.0 AS "T",
         -- The first day's value (DuckDB's arg_min(value, date)), in SQL
         -- PostgreSQL shares: one row per customer and day.
         coalesce((sum(value) FILTER (WHERE date <= ${end})
             - max(value) FILTER (WHERE date = first))
           / nullif(count(*) FILTER (WHERE date <= ${end}) - 1, 0), 0) AS zbar,
         count(*) FILTER (WHERE date > ${end}) AS holdout
       FROM firsts GROUP BY customer_id
       HAVING min(date) <= ${end}
     )
     SELECT CAST(row_number() OVER (ORDER BY customer_id) AS INTEGER) AS rn, *
     FROM histories`,
  );
  // Pages until one comes back short: as many queries as before for up
  // to a page of customers, one more a page above.
  const customers: string[] = [];
  const pages: Record<HistoryColumn, Float64Array[]> = {
    x: [],
    tx: [],
    T: [],
    zbar: [],
    holdout: [],
  };
  for (let start = 0;; start += page) {
    const rows = await engine.query<
      Record<HistoryColumn, number> & { customer_id: string }
    >(
      `SELECT customer_id, x, tx, "T", zbar, holdout FROM value_histories
       WHERE rn > ? AND rn <= ? ORDER BY rn`,
      [start, start + page],
    );
    for (const row of rows) customers.push(row.customer_id);
    for (const key of HISTORY_COLUMNS) {
      pages[key].push(Float64Array.from(rows, (row) => row[key]));
    }
    if (rows.length < page) break;
  }
  const column = (key: HistoryColumn) => {
    const out = new Float64Array(customers.length);
    let at = 0;
    for (const part of pages[key]) {
      out.set(part, at);
      at += part.length;
    }
    pages[key] = [];
    return out;
  };
  await engine.run("DROP TABLE value_histories");
  const calibrationEnd = holdoutFrom === undefined
    ? range.last
    : dayBefore(holdoutFrom);
  return {
    customers,
    x: column("x"),
    tx: column("tx"),
    T: column("T"),
    zbar: column("zbar"),
    calibrationEnd,
    ...(holdoutFrom === undefined ? {} : {
      holdout: column("holdout"),
      holdoutPeriod: {
        from: holdoutFrom,
        to: range.last,
        weeks: (Date.parse(range.last) - Date.parse(holdoutFrom) + 86_400_000) /
          (7 * 86_400_000),
      },
    }),
  };
}

const HISTORY_COLUMNS = ["x", "tx", "T", "zbar", "holdout"] as const;
type HistoryColumn = typeof HISTORY_COLUMNS[number];

function dayBefore(date: string): string {
  return new Date(Date.parse(date) - 86_400_000).toISOString().slice(0, 10);
}
