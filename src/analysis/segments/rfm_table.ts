import { addDays, dayNumber, isIsoDate } from "../../model/calendar.ts";
import { type Dataset, queryRows } from "../../source/dataset.ts";
import { quintileScores, type TiePolicy } from "../../stats/quintile_scores.ts";
import {
  checkSegmentMap,
  DEFAULT_SEGMENT_MAP,
  type RfmSegmentMap,
  segmentOf,
} from "../../figures/segments/rfm_segment_map.ts";
import { round6 } from "../../stats/round6.ts";
import { type SalesFilter, salesWhere } from "../sales/sales_filter.ts";
import type {
  RfmExclusions,
  RfmRow,
  RfmTable,
} from "../../figures/segments/rfm_table.ts";

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
  const customers = await queryRows<{
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
  );
  const asOf = givenAsOf ??
    (totals.last_date === null ? null : addDays(totals.last_date, 1));
  const excluded: RfmExclusions = {
    returnOnlyCustomers: 0,
    returnOnlyNetSpend: 0,
    anonymousLines: totals.anonymous_lines,
    anonymousNetSpend: round6(totals.anonymous_net ?? 0),
  };
  const buyers: Omit<
    RfmRow,
    "recencyScore" | "frequencyScore" | "monetaryScore" | "rfm" | "segment"
  >[] = [];
  for (const c of customers) {
    if (c.last_purchase === null || asOf === null) {
      excluded.returnOnlyCustomers++;
      excluded.returnOnlyNetSpend += c.net;
      continue;
    }
    const recency = dayNumber(asOf) - dayNumber(c.last_purchase);
    buyers.push({
      customerId: c.customer_id,
      lastPurchase: c.last_purchase,
      recency,
      frequency: c.transactions + c.untracked_days,
      monetary: round6(c.net),
    });
  }
  excluded.returnOnlyNetSpend = round6(excluded.returnOnlyNetSpend);
  const keys = buyers.map((b) => b.customerId);
  const r = quintileScores(buyers.map((b) => b.recency), {
    ties,
    keys,
    reverse: true,
  });
  const f = quintileScores(buyers.map((b) => b.frequency), { ties, keys });
  const m = quintileScores(buyers.map((b) => b.monetary), { ties, keys });
  const rows = buyers.map((b, i): RfmRow => ({
    ...b,
    recencyScore: r[i],
    frequencyScore: f[i],
    monetaryScore: m[i],
    rfm: `${r[i]}${f[i]}${m[i]}`,
    segment: segmentOf(segmentMap, r[i], f[i])!,
  }));
  return { asOf, ties, segmentMap, rows, excluded };
}

/**
 * The filter with lines after `asOf` left out: `to` becomes the earlier of
 * `to` and `asOf`.
 */
export function cutOff<T extends SalesFilter>(filter: T, asOf?: string): T {
  if (asOf === undefined) return filter;
  return { ...filter, to: filter.to && filter.to < asOf ? filter.to : asOf };
}
