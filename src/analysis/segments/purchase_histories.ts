import { addDays } from "../../model/calendar.ts";
import { sqlIdentifier } from "../../model/sql_string.ts";
import { type Dataset, queryRows, streamRows } from "../../source/dataset.ts";
import { engineOf } from "../../source/duckdb_engine.ts";
import { growingColumn } from "../../stats/growing_column.ts";
import { seededSample } from "../../stats/seeded_sample.ts";

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
  const table = await historiesTable(data, {
    ...options,
    name: "purchase_histories",
  });
  try {
    return await readHistories(data, table);
  } finally {
    await dropHistoriesTable(data, table);
  }
}

/**
 * Customers' purchase histories kept in the engine: a temporary table, one
 * row per customer (customer_id, x, tx, "T", zbar, holdout: the columns
 * of {@linkcode PurchaseHistories}), and what it holds.
 */
/** One customer's row of a histories table, as the queries read it. */
export interface HistoryRow {
  customer_id: string;
  /** Repeat purchases (days with a purchase after the first). */
  x: number;
  /** Weeks from the first purchase to the last. */
  tx: number;
  /** Weeks from the first purchase to the end of the period. */
  T: number;
  /** Average value of the repeat purchases. */
  zbar: number;
  /** Purchases in the holdout period. */
  holdout: number;
}

export interface HistoriesTable {
  readonly name: string;
  /** Customers in it, and those with a repeat purchase (x > 0). */
  readonly customers: number;
  readonly repeatCustomers: number;
  /** The last day of the calibration period, `YYYY-MM-DD`. */
  readonly calibrationEnd: string;
  /** The holdout period's first and last days and its length in weeks. */
  readonly holdoutPeriod?: { from: string; to: string; weeks: number };
}

/**
 * Summarises each customer's purchases as purchaseHistories does, into the
 * temporary table `name` (replaced if there is one), in SQL both engines
 * share: nothing per customer comes back but the counts. Drop it with
 * dropHistoriesTable.
 */
export async function historiesTable(
  data: Dataset,
  options: PurchaseHistoriesOptions & { name: string },
): Promise<HistoriesTable> {
  const { holdoutFrom, to, name } = options;
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
  // Dates are bound, never pasted into the SQL.
  const upTo = to === undefined ? "" : " AND date <= CAST(? AS DATE)";
  const upToParams = to === undefined ? [] : [to];
  const [range] = await queryRows<
    { first: string | null; last: string | null }
  >(
    data,
    `SELECT min(date) AS first, max(date) AS last FROM sales
     WHERE customer_id IS NOT NULL AND amount >= 0${upTo}`,
    upToParams,
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
  // The last day of the calibration period, bound at each place it is used.
  const endDate = holdoutFrom === undefined
    ? range.last
    : addDays(holdoutFrom, -1);
  const end = "CAST(? AS DATE)";
  const engine = engineOf(data);
  const table = sqlIdentifier(name);
  const summary = `WITH days AS (
       SELECT customer_id, date, sum(amount) AS value
       FROM sales WHERE customer_id IS NOT NULL AND amount >= 0${upTo}
       GROUP BY customer_id, date
     ), firsts AS (
       SELECT customer_id, date, value,
         min(date) OVER (PARTITION BY customer_id) AS first
       FROM days
     )
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
     HAVING min(date) <= ${end}`;
  await engine.createTempTableAs(name, summary, [
    ...upToParams,
    // Every other bound date is the calibration's end.
    ...new Array(summary.split(end).length - 1 - upToParams.length).fill(
      endDate,
    ),
  ]);
  const [counts] = await engine.query<
    { customers: number; repeat_customers: number | null }
  >(
    `SELECT count(*) AS customers,
       count(*) FILTER (WHERE x > 0) AS repeat_customers FROM ${table}`,
  );
  return {
    name,
    customers: Number(counts.customers),
    repeatCustomers: Number(counts.repeat_customers ?? 0),
    calibrationEnd: holdoutFrom === undefined
      ? range.last
      : dayBefore(holdoutFrom),
    ...(holdoutFrom === undefined ? {} : {
      holdoutPeriod: {
        from: holdoutFrom,
        to: range.last,
        weeks: (Date.parse(range.last) - Date.parse(holdoutFrom) + 86_400_000) /
          (7 * 86_400_000),
      },
    }),
  };
}

/** Drops a histories table. */
export async function dropHistoriesTable(
  data: Dataset,
  table: HistoriesTable,
): Promise<void> {
  await engineOf(data).dropTempTable(table.name);
}

/**
 * The histories of a table's customers in memory, in id order: all of
 * them, or with `sample` a seeded sample of `size` customers, drawn as the
 * clustering draws its own (seededSample over the customers in id order;
 * the positions picked go to the engine, which joins them with each
 * customer's position there), so that only the sample comes back.
 */
export async function readHistories(
  data: Dataset,
  table: HistoriesTable,
  options: { sample?: { size: number; seed: number } } = {},
): Promise<PurchaseHistories> {
  const { sample } = options;
  const name = sqlIdentifier(table.name);
  const sampled = sample !== undefined && sample.size < table.customers;
  const engine = engineOf(data);
  if (sampled) {
    const picked = seededSample(table.customers, sample.size, sample.seed);
    await engine.createTempTable(
      SAMPLE_TABLE,
      [{ name: "i", type: "INTEGER" }],
      (function* () {
        for (const i of picked) yield [i];
      })(),
    );
  }
  const customers: string[] = [];
  const columns = {
    x: growingColumn((n) => new Float64Array(n)),
    tx: growingColumn((n) => new Float64Array(n)),
    T: growingColumn((n) => new Float64Array(n)),
    zbar: growingColumn((n) => new Float64Array(n)),
    holdout: growingColumn((n) => new Float64Array(n)),
  };
  try {
    for await (
      const batch of streamRows<HistoryRow>(
        data,
        sampled
          ? `SELECT h.customer_id, h.x, h.tx, h."T", h.zbar, h.holdout
             FROM (SELECT *, row_number() OVER (ORDER BY customer_id) - 1 AS i
                   FROM ${name}) AS h
             JOIN ${SAMPLE_TABLE} AS s ON s.i = h.i
             ORDER BY h.customer_id`
          : `SELECT customer_id, x, tx, "T", zbar, holdout FROM ${name}
             ORDER BY customer_id`,
      )
    ) {
      for (const row of batch) {
        customers.push(row.customer_id);
        columns.x.push(row.x);
        columns.tx.push(row.tx);
        columns.T.push(row.T);
        columns.zbar.push(row.zbar);
        if (table.holdoutPeriod) columns.holdout.push(row.holdout);
      }
    }
  } finally {
    if (sampled) await engine.dropTempTable(SAMPLE_TABLE);
  }
  const column = (key: keyof typeof columns) => columns[key].done();
  return {
    customers,
    x: column("x"),
    tx: column("tx"),
    T: column("T"),
    zbar: column("zbar"),
    calibrationEnd: table.calibrationEnd,
    ...(table.holdoutPeriod
      ? { holdout: column("holdout"), holdoutPeriod: table.holdoutPeriod }
      : {}),
  };
}

/** The temporary table of the positions a sample picked. */
const SAMPLE_TABLE = "value_fit_sample";

function dayBefore(date: string): string {
  return new Date(Date.parse(date) - 86_400_000).toISOString().slice(0, 10);
}
