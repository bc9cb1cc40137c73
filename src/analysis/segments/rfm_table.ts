import { addDays, dayNumber, isIsoDate } from "../../model/calendar.ts";
import { type Dataset, queryRows, streamRows } from "../../source/dataset.ts";
import { quintileScores, type TiePolicy } from "../../stats/quintile_scores.ts";
import {
  checkSegmentMap,
  DEFAULT_SEGMENT_MAP,
  type RfmSegmentMap,
  segmentOf,
} from "../../figures/segments/rfm_segment_map.ts";
import { round6 } from "../../stats/round6.ts";
import { growingColumn } from "../../stats/growing_column.ts";
import {
  type RfmColumns,
  rfmRows,
} from "../../figures/segments/rfm_columns.ts";
import { type SalesFilter, salesWhere } from "../sales/sales_filter.ts";
import type {
  RfmExclusions,
  RfmTable,
} from "../../figures/segments/rfm_table.ts";

export type { RfmColumns } from "../../figures/segments/rfm_columns.ts";
export type {
  RfmExclusions,
  RfmRow,
  RfmTable,
} from "../../figures/segments/rfm_table.ts";

/** Options for {@linkcode rfmTable}: a sales filter plus scoring choices. */
export interface RfmTableOptions extends SalesFilter {
  /**
   * The day recency is measured to, `YYYY-MM-DD`: the report's "today".
   * Lines dated after it are left out, as in every analysis. Default: the
   * day after the last date among the (filtered) sale lines.
   */
  asOf?: string;
  /** How equal values are scored; default `"quantile"` (see TiePolicy). */
  ties?: TiePolicy;
  /** The recency × frequency segment grid; default DEFAULT_SEGMENT_MAP. */
  segmentMap?: RfmSegmentMap;
}

/**
 * Recency, frequency and monetary value per customer, scored 1 to 5 by
 * quintile and named by segment (see docs/segments.md and RFM_METHOD_NOTES).
 *
 * Returns: a purchase line has amount > 0, a return line amount < 0.
 * Recency and frequency count purchase lines only (a return is not a visit);
 * monetary is net of returns. Lines without a transaction id count as one
 * transaction per customer and day. Customers with no purchase line in the
 * filter (only returns) are not scored but counted in `excluded`; so are
 * lines without a customer id.
 *
 * @example
 * ```ts
 * import { createDataset } from "../../source/dataset.ts";
 * import { rfmTable } from "./rfm_table.ts";
 * const line = (customer_id: string, transaction_id: string, date: string, amount: number) => ({
 *   date, store: null, city: null, region: null, channel: null, department: null,
 *   category: "Books", sub_category: "Comics", customer_id, transaction_id,
 *   quantity: Math.sign(amount), amount, gallons: null, fuel_type: null, fuel_price: null,
 * });
 * const data = await createDataset({ sales: [
 *   line("A", "t1", "2024-01-01", 10), line("A", "t2", "2024-01-05", 20),
 *   line("A", "t2", "2024-01-06", -5), line("B", "t3", "2024-01-02", 7),
 * ] });
 * const table = await rfmTable(data);
 * const a = table.rows[0];
 * if (table.asOf !== "2024-01-07" || a.recency !== 2 || a.frequency !== 2 || a.monetary !== 25) {
 *   throw new Error(JSON.stringify(a));
 * }
 * ```
 */
export async function rfmTable(
  data: Dataset,
  options: RfmTableOptions = {},
): Promise<RfmTable> {
  const {
    asOf: givenAsOf,
    ties = "quantile",
    segmentMap = DEFAULT_SEGMENT_MAP,
    ...filter
  } = options;
  checkSegmentMap(segmentMap);
  if (givenAsOf !== undefined && !isIsoDate(givenAsOf)) {
    throw new RangeError(
      `Cannot compute RFM as of ${
        JSON.stringify(givenAsOf)
      }: the date is not in YYYY-MM-DD form`,
    );
  }
  const where = salesWhere(cutOff(filter, givenAsOf));
  const and = where.sql ? `${where.sql} AND` : "WHERE";
  const [totals] = await queryRows<{
    last_date: string | null;
    anonymous_lines: number;
    anonymous_net: number | null;
  }>(
    data,
    `SELECT max(date) AS last_date,
       count(*) FILTER (WHERE customer_id IS NULL) AS anonymous_lines,
       sum(amount) FILTER (WHERE customer_id IS NULL) AS anonymous_net
     FROM sales ${where.sql}`,
    where.params,
  );
  const asOf = givenAsOf ??
    (totals.last_date === null ? null : addDays(totals.last_date, 1));
  const excluded: RfmExclusions = {
    returnOnlyCustomers: 0,
    returnOnlyNetSpend: 0,
    anonymousLines: totals.anonymous_lines,
    anonymousNetSpend: round6(totals.anonymous_net ?? 0),
  };
  // The customers arrive in batches and are kept as columns: a million
  // customers never exist as a million objects (see docs/segments.md).
  const customerIds: string[] = [];
  const lastPurchases = growingColumn((n) => new Int32Array(n));
  const frequencies = growingColumn((n) => new Int32Array(n));
  const monetaries = growingColumn((n) => new Float64Array(n));
  const asOfDay = asOf === null ? 0 : dayNumber(asOf);
  for await (
    const batch of streamRows<{
      customer_id: string;
      last_purchase: string | null;
      transactions: number;
      untracked_days: number;
      net: number;
    }>(
      data,
      `SELECT customer_id,
         max(date) FILTER (WHERE amount > 0) AS last_purchase,
         count(DISTINCT transaction_id) FILTER (WHERE amount > 0) AS transactions,
         count(DISTINCT date) FILTER (WHERE amount > 0 AND transaction_id IS NULL) AS untracked_days,
         sum(amount) AS net
       FROM sales ${and} customer_id IS NOT NULL
       GROUP BY customer_id ORDER BY customer_id`,
      where.params,
    )
  ) {
    for (const c of batch) {
      if (c.last_purchase === null || asOf === null) {
        excluded.returnOnlyCustomers++;
        excluded.returnOnlyNetSpend += c.net;
        continue;
      }
      customerIds.push(c.customer_id);
      lastPurchases.push(dayNumber(c.last_purchase));
      frequencies.push(c.transactions + c.untracked_days);
      monetaries.push(round6(c.net));
    }
  }
  excluded.returnOnlyNetSpend = round6(excluded.returnOnlyNetSpend);
  const n = customerIds.length;
  const lastPurchase = lastPurchases.done();
  const recency = lastPurchase.map((day) => asOfDay - day);
  const columns: RfmColumns = {
    customerIds,
    lastPurchase,
    recency,
    frequency: frequencies.done(),
    monetary: monetaries.done(),
    recencyScore: new Uint8Array(n),
    frequencyScore: new Uint8Array(n),
    monetaryScore: new Uint8Array(n),
    segment: new Uint8Array(n),
    segmentNames: [...new Set(segmentMap.map((rule) => rule.segment))],
  };
  columns.recencyScore.set(
    quintileScores(recency, { ties, keys: customerIds, reverse: true }),
  );
  columns.frequencyScore.set(
    quintileScores(columns.frequency, { ties, keys: customerIds }),
  );
  columns.monetaryScore.set(
    quintileScores(columns.monetary, { ties, keys: customerIds }),
  );
  const segmentIndex = new Map(
    columns.segmentNames.map((name, i) => [name, i]),
  );
  for (let i = 0; i < n; i++) {
    const segment = segmentOf(
      segmentMap,
      columns.recencyScore[i],
      columns.frequencyScore[i],
    )!;
    columns.segment[i] = segmentIndex.get(segment)!;
  }
  const table = { asOf, ties, segmentMap, columns, excluded } as RfmTable;
  // Built on each read and not enumerable, so that copying the table
  // ({ ...rfm }) never builds a million objects.
  Object.defineProperty(table, "rows", { get: () => rfmRows(columns) });
  return table;
}

/**
 * The filter with lines after `asOf` left out: `to` becomes the earlier of
 * `to` and `asOf`.
 */
export function cutOff<T extends SalesFilter>(filter: T, asOf?: string): T {
  if (asOf === undefined) return filter;
  return { ...filter, to: filter.to && filter.to < asOf ? filter.to : asOf };
}
