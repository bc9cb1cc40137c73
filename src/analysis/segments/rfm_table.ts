import { dayNumber } from "../../model/calendar.ts";
import { type Dataset, queryRows, streamRows } from "../../source/dataset.ts";
import {
  addRfmSegmentSums,
  type RfmSegmentRow,
  rfmSegmentsFromSums,
  rfmSegmentSums,
} from "../../figures/segments/rfm_segments.ts";
import {
  type RfmGridCell,
  rfmGridFromCounts,
} from "../../figures/segments/rfm_grid.ts";
import { round6 } from "../../stats/round6.ts";
import {
  type RfmColumns,
  rfmRows,
} from "../../figures/segments/rfm_columns.ts";
import type { RfmTable } from "../../figures/segments/rfm_table.ts";
import {
  scoreCustomers,
  type ScoreCustomersOptions,
  type ScoredCustomers,
} from "./score_customers.ts";

export { cutOff, type ScoredCustomers } from "./score_customers.ts";

export type { RfmColumns } from "../../figures/segments/rfm_columns.ts";
export type {
  RfmExclusions,
  RfmRow,
  RfmTable,
} from "../../figures/segments/rfm_table.ts";

/** Options for {@linkcode rfmTable}: a sales filter plus scoring choices. */
export type RfmTableOptions = ScoreCustomersOptions;

/**
 * Recency, frequency and monetary value per customer, scored 1 to 5 by
 * quintile and named by segment (see docs/segments.md and RFM_METHOD_NOTES).
 *
 * Returns: a purchase line has amount > 0, a return line amount < 0.
 * Recency and frequency count purchase lines only (a return is not a visit);
 * monetary is net of returns. Lines without a transaction id count as one
 * transaction per customer and day. Customers with no purchase line in the
 * filter (only returns) are not scored but counted in `excluded`; so are
 * lines without a customer id. The scoring runs in the engine (see
 * scoreCustomers); its table is then read here into columns, for notebooks
 * and figures that need every customer at hand.
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
): Promise<RfmTable & { scored: ScoredCustomers }> {
  const scored = await scoreCustomers(data, options);
  const columns = await readRfmColumns(data, scored);
  const table = {
    asOf: scored.asOf,
    ties: scored.ties,
    segmentMap: scored.segmentMap,
    columns,
    excluded: scored.excluded,
  } as RfmTable & { scored: ScoredCustomers };
  // Built on each read and not enumerable, so that copying the table
  // ({ ...rfm }) never builds a million objects; the engine's table is
  // not enumerable either, as it is no figure.
  Object.defineProperty(table, "rows", { get: () => rfmRows(columns) });
  Object.defineProperty(table, "scored", { value: scored });
  return table;
}

/**
 * The scored customers' table read into columns, in the order of their
 * ids: a batch at a time, never as one object per customer.
 */
export async function readRfmColumns(
  data: Dataset,
  scored: ScoredCustomers,
): Promise<RfmColumns> {
  const batches: RfmColumns[] = [];
  for await (const batch of rfmBatches(data, scored)) batches.push(batch);
  const n = batches.reduce((sum, b) => sum + b.customerIds.length, 0);
  if (n !== scored.count) {
    throw new Error(
      `Cannot read the RFM table: ${n} customers for ${scored.count}`,
    );
  }
  const join = <T extends Int32Array | Uint8Array | Float64Array>(
    make: (n: number) => T,
    key: keyof RfmColumns,
  ): T => {
    const column = make(n);
    let at = 0;
    for (const b of batches) {
      column.set(b[key] as T, at);
      at += b.customerIds.length;
    }
    return column;
  };
  return {
    customerIds: batches.flatMap((b) => b.customerIds),
    lastPurchase: join((n) => new Int32Array(n), "lastPurchase"),
    recency: join((n) => new Int32Array(n), "recency"),
    frequency: join((n) => new Int32Array(n), "frequency"),
    monetary: join((n) => new Float64Array(n), "monetary"),
    recencyScore: join((n) => new Uint8Array(n), "recencyScore"),
    frequencyScore: join((n) => new Uint8Array(n), "frequencyScore"),
    monetaryScore: join((n) => new Uint8Array(n), "monetaryScore"),
    segment: join((n) => new Uint8Array(n), "segment"),
    segmentNames: scored.segmentNames,
  };
}

/**
 * The scored customers' table in batches of columns, ids ascending: what
 * the segment figures add up without holding every customer.
 */
export async function* rfmBatches(
  data: Dataset,
  scored: ScoredCustomers,
  batchRows?: number,
): AsyncGenerator<RfmColumns> {
  const segmentIndex = new Map(scored.segmentNames.map((name, i) => [name, i]));
  for await (const rows of streamRfm(data, scored, batchRows)) {
    const n = rows.length;
    const customerIds = new Array<string>(n);
    const columns: RfmColumns = {
      customerIds,
      lastPurchase: new Int32Array(n),
      recency: new Int32Array(n),
      frequency: new Int32Array(n),
      monetary: new Float64Array(n),
      recencyScore: new Uint8Array(n),
      frequencyScore: new Uint8Array(n),
      monetaryScore: new Uint8Array(n),
      segment: new Uint8Array(n),
      segmentNames: scored.segmentNames,
    };
    rows.forEach((c, i) => {
      customerIds[i] = c.customer_id;
      columns.lastPurchase[i] = dayNumber(c.last_purchase);
      columns.recency[i] = c.recency;
      columns.frequency[i] = c.frequency;
      columns.monetary[i] = round6(c.monetary);
      columns.recencyScore[i] = c.recency_score;
      columns.frequencyScore[i] = c.frequency_score;
      columns.monetaryScore[i] = c.monetary_score;
      columns.segment[i] = segmentIndex.get(c.segment)!;
    });
    yield columns;
  }
}

/** One scored customer as the engine's table holds it. */
export interface ScoredRow {
  customer_id: string;
  last_purchase: string;
  recency: number;
  frequency: number;
  monetary: number;
  recency_score: number;
  frequency_score: number;
  monetary_score: number;
  segment: string;
}

/** The scored customers in batches, ids ascending (see streamRows). */
export function streamRfm(
  data: Dataset,
  scored: ScoredCustomers,
  batchRows?: number,
): AsyncGenerator<ScoredRow[]> {
  return streamRows<ScoredRow>(
    data,
    `SELECT customer_id, last_purchase, recency, frequency, monetary,
       recency_score, frequency_score, monetary_score, segment
     FROM ${scored.table} ORDER BY customer_id`,
    [],
    batchRows,
  );
}

/**
 * The segment figures of the scored customers without holding them: the
 * segments' sums added a batch at a time, ids ascending (the same sums as
 * rfmSegments adds from columns), and the score grid counted by the engine.
 */
export async function rfmFiguresOf(
  data: Dataset,
  scored: ScoredCustomers,
  batchRows?: number,
): Promise<{ segments: RfmSegmentRow[]; grid: RfmGridCell[] }> {
  const options = { segmentMap: scored.segmentMap };
  const sums = rfmSegmentSums(scored.segmentNames);
  for await (const batch of rfmBatches(data, scored, batchRows)) {
    addRfmSegmentSums(sums, batch);
  }
  const cells = await queryRows<
    { recency_score: number; frequency_score: number; customers: number }
  >(
    data,
    `SELECT recency_score, frequency_score, count(*) AS customers
     FROM ${scored.table} GROUP BY 1, 2`,
  );
  return {
    segments: rfmSegmentsFromSums(sums, options),
    grid: rfmGridFromCounts(
      new Map(
        cells.map((c) => [
          `${c.recency_score}:${c.frequency_score}`,
          c.customers,
        ]),
      ),
      options,
    ),
  };
}
