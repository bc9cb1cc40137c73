/**
 * The RFM scoring done in the engine: each customer's recency, frequency
 * and monetary value, their quintile scores and segment, kept as a
 * temporary table rather than in Basket's memory, so that a warehouse of
 * millions of customers costs Basket no more than a few thousand (see
 * docs/segments.md and docs/warehouse.md). The quintile cut points are
 * read from the table's order statistics and computed as numpy computes
 * them (linearQuantile); the scores are then the same comparisons
 * quintileScores makes.
 *
 * @module
 */
import { addDays, isIsoDate } from "../../model/calendar.ts";
import { type Dataset, queryRows } from "../../source/dataset.ts";
import { engineOf } from "../../source/duckdb_engine.ts";
import { tempTableName } from "../../source/sql_engine.ts";
import {
  interpolate,
  quantilePosition,
  QUINTILE_CUTS,
  type TiePolicy,
} from "../../stats/quintile_scores.ts";
import {
  checkSegmentMap,
  DEFAULT_SEGMENT_MAP,
  type RfmSegmentMap,
  segmentOf,
} from "../../figures/segments/rfm_segment_map.ts";
import type { RfmExclusions } from "../../figures/segments/rfm_table.ts";
import { round6 } from "../../stats/round6.ts";
import { type SalesFilter, salesWhere } from "../sales/sales_filter.ts";

/** Options for {@linkcode scoreCustomers}: a sales filter plus scoring choices. */
export interface ScoreCustomersOptions extends SalesFilter {
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
 * The scored customers' temporary table and what describes it. Its rows:
 * customer_id, i (the row's place by id, from 0), last_purchase (a date),
 * recency, frequency, monetary, recency_score, frequency_score,
 * monetary_score and segment.
 */
export interface ScoredCustomers {
  /** The temporary table. */
  table: string;
  /** How many customers were scored. */
  count: number;
  /** The as-of date used, or null when the filter selects no sale lines. */
  asOf: string | null;
  ties: TiePolicy;
  segmentMap: RfmSegmentMap;
  /** The segments' names (the segment map's, in its order). */
  segmentNames: readonly string[];
  excluded: RfmExclusions;
}

/**
 * Scores every customer with a purchase line in the filter, in the engine
 * (see the module). Returns: a purchase line has amount > 0, a return line
 * amount < 0. Recency and frequency count purchase lines only (a return is
 * not a visit); monetary is net of returns. Lines without a transaction id
 * count as one transaction per customer and day. Customers with no
 * purchase line in the filter (only returns) are not scored but counted in
 * `excluded`; so are lines without a customer id.
 */
export async function scoreCustomers(
  data: Dataset,
  options: ScoreCustomersOptions = {},
): Promise<ScoredCustomers> {
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
  if (ties !== "quantile" && ties !== "rank") {
    throw new RangeError(
      `Cannot score values: unknown tie policy ${JSON.stringify(ties)}`,
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
  const engine = engineOf(data);
  const table = tempTableName("basket_rfm");
  const all = `${table}_all`;
  const base = `${table}_base`;
  await engine.createTempTableAs(
    all,
    `SELECT customer_id,
       max(date) FILTER (WHERE amount > 0) AS last_purchase,
       count(DISTINCT transaction_id) FILTER (WHERE amount > 0)
         + count(DISTINCT date) FILTER (WHERE amount > 0 AND transaction_id IS NULL)
         AS frequency,
       sum(amount) AS net
     FROM sales ${and} customer_id IS NOT NULL
     GROUP BY customer_id`,
    where.params,
  );
  const segmentNames = [...new Set(segmentMap.map((rule) => rule.segment))];
  try {
    const [returnOnly] = await queryRows<
      { customers: number; net: number | null }
    >(
      data,
      `SELECT count(*) AS customers, sum(net) AS net
       FROM ${all} WHERE last_purchase IS NULL`,
    );
    const excluded: RfmExclusions = {
      returnOnlyCustomers: returnOnly.customers,
      returnOnlyNetSpend: round6(returnOnly.net ?? 0),
      anonymousLines: totals.anonymous_lines,
      anonymousNetSpend: round6(totals.anonymous_net ?? 0),
    };
    // The measures, each customer numbered by id; recency needs the as-of
    // date, which a filter selecting no line does not have.
    await engine.createTempTableAs(
      base,
      `SELECT customer_id,
         row_number() OVER (ORDER BY customer_id) - 1 AS i,
         last_purchase,
         CAST(CAST(? AS DATE) - last_purchase AS INTEGER) AS recency,
         CAST(frequency AS INTEGER) AS frequency,
         CAST(net AS DOUBLE PRECISION) AS monetary
       FROM ${all}
       WHERE last_purchase IS NOT NULL`,
      [asOf ?? "1970-01-01"],
    );
    const [{ n }] = await queryRows<{ n: number }>(
      data,
      `SELECT count(*) AS n FROM ${base}`,
    );
    const score = async (column: string, reverse: boolean) =>
      ties === "quantile"
        ? quantileScoreSql(
          column,
          reverse,
          await quantileCuts(data, base, column, reverse, n),
        )
        : rankScoreSql(column, reverse, n);
    const r = await score("recency", true);
    const f = await score("frequency", false);
    const m = await score("monetary", false);
    // The segment of each pair of scores, as a CASE on the two.
    const cells: { sql: string; params: string[] } = { sql: "", params: [] };
    for (let rs = 1; rs <= 5; rs++) {
      for (let fs = 1; fs <= 5; fs++) {
        cells.sql += ` WHEN ${rs * 10 + fs} THEN ?`;
        cells.params.push(segmentOf(segmentMap, rs, fs)!);
      }
    }
    await engine.createTempTableAs(
      table,
      `SELECT customer_id, i, last_purchase, recency, frequency, monetary,
         recency_score, frequency_score, monetary_score,
         CAST(CASE recency_score * 10 + frequency_score${cells.sql} END AS VARCHAR)
           AS segment
       FROM (
         SELECT customer_id, i, last_purchase, recency, frequency, monetary,
           CAST(${r.sql} AS INTEGER) AS recency_score,
           CAST(${f.sql} AS INTEGER) AS frequency_score,
           CAST(${m.sql} AS INTEGER) AS monetary_score
         FROM ${base}
       ) AS scored`,
      [...cells.params, ...r.params, ...f.params, ...m.params],
    );
    return {
      table,
      count: n,
      asOf,
      ties,
      segmentMap,
      segmentNames,
      excluded,
    };
  } finally {
    await engine.dropTempTable(all);
    await engine.dropTempTable(base);
  }
}

/**
 * The four quintile cut points of a column (negated with `reverse`), from
 * the two values around each: the same numbers linearQuantile gives on
 * the sorted values.
 */
async function quantileCuts(
  data: Dataset,
  table: string,
  column: string,
  reverse: boolean,
  n: number,
): Promise<number[]> {
  if (n === 0) return [];
  const signed = reverse ? `-${column}` : column;
  const cuts: number[] = [];
  for (const q of QUINTILE_CUTS) {
    const { previous, next, gamma } = quantilePosition(n, q);
    const rows = await queryRows<{ v: number }>(
      data,
      `SELECT CAST(${signed} AS DOUBLE PRECISION) AS v FROM ${table}
       ORDER BY v LIMIT 2 OFFSET ?`,
      [previous],
    );
    const a = rows[0].v;
    cuts.push(interpolate(a, next === previous ? a : rows[1].v, gamma));
  }
  return cuts;
}

/** A score by value quantiles: 1 plus the cut points strictly below the value. */
function quantileScoreSql(
  column: string,
  reverse: boolean,
  cuts: readonly number[],
): { sql: string; params: number[] } {
  if (cuts.length === 0) return { sql: "1", params: [] };
  const signed = reverse ? `-${column}` : column;
  return {
    sql: `1 + ${
      cuts.map(() =>
        `CASE WHEN CAST(? AS DOUBLE PRECISION) < CAST(${signed} AS DOUBLE PRECISION) THEN 1 ELSE 0 END`
      ).join(" + ")
    }`,
    params: [...cuts],
  };
}

/**
 * A score by rank: values ordered (ties by customer id), the i-th of n
 * (from 0) scores 1 + floor(5 i / n).
 */
function rankScoreSql(
  column: string,
  reverse: boolean,
  n: number,
): { sql: string; params: number[] } {
  const signed = reverse ? `-${column}` : column;
  return {
    sql: `1 + floor(
      CAST(5 * (row_number() OVER (ORDER BY ${signed}, customer_id) - 1) AS DOUBLE PRECISION)
        / CAST(? AS DOUBLE PRECISION))`,
    params: [Math.max(n, 1)],
  };
}

/**
 * The filter with lines after `asOf` left out: `to` becomes the earlier of
 * `to` and `asOf`.
 */
export function cutOff<T extends SalesFilter>(filter: T, asOf?: string): T {
  if (asOf === undefined) return filter;
  return { ...filter, to: filter.to && filter.to < asOf ? filter.to : asOf };
}
