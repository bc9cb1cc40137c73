/**
 * The shape of an RFM table: what `rfmTable` (analysis/segments) computes
 * with SQL and the segment figures and charts read. Types only, free of
 * DuckDB, so that the report's page can use them.
 *
 * @module
 */
import type { TiePolicy } from "../../stats/quintile_scores.ts";
import type { RfmSegmentMap } from "./rfm_segment_map.ts";

/** One scored customer. */
export interface RfmRow {
  customerId: string;
  /** Day of the last purchase line, `YYYY-MM-DD`. */
  lastPurchase: string;
  /** Days from the last purchase to the as-of date. */
  recency: number;
  /** Distinct transactions with at least one purchase line. */
  frequency: number;
  /** Net spend: purchases minus returns, rounded to 6 decimals. */
  monetary: number;
  recencyScore: number;
  frequencyScore: number;
  monetaryScore: number;
  /** The three scores as one code, e.g. `"545"`. */
  rfm: string;
  segment: string;
}

/** Every scored customer's RFM measures, scores and segment, by column. */
export interface RfmColumns {
  /** Customer ids, in the table's order (by id). */
  customerIds: readonly string[];
  /** Day number (days since 1970-01-01) of each customer's last purchase. */
  lastPurchase: Int32Array;
  recency: Int32Array;
  frequency: Int32Array;
  monetary: Float64Array;
  recencyScore: Uint8Array;
  frequencyScore: Uint8Array;
  monetaryScore: Uint8Array;
  /** Each customer's segment, as an index into `segmentNames`. */
  segment: Uint8Array;
  /** The segments' names (the segment map's, in its order). */
  segmentNames: readonly string[];
}

/** Customers and lines left out of RFM scoring, counted so they can be reported. */
export interface RfmExclusions {
  /** Customers whose lines in the filter are all returns (or zero amounts). */
  returnOnlyCustomers: number;
  /** Their net spend (usually negative). */
  returnOnlyNetSpend: number;
  /** Sale lines without a customer id. */
  anonymousLines: number;
  /** Net value of those lines. */
  anonymousNetSpend: number;
}

/**
 * The result of `rfmTable`. The scored customers are held as columns (see
 * RfmColumns), by customer id; `rows` builds one object per customer from
 * them on each read, for notebooks and small data: the report reads the
 * columns.
 */
export interface RfmTable {
  /** The as-of date used, or null when the filter selects no sale lines. */
  asOf: string | null;
  ties: TiePolicy;
  segmentMap: RfmSegmentMap;
  /** Every scored customer, by customer id, column by column. */
  columns: RfmColumns;
  /** One row per scored customer, by customer id (built from the columns on each read). */
  readonly rows: RfmRow[];
  excluded: RfmExclusions;
}
