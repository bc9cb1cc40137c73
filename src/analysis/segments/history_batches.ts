import type { HoldoutHistories } from "../../figures/value/holdout_figures.ts";
import type { ValueBatch } from "../../figures/value/value_pass.ts";
import { sqlIdentifier } from "../../model/sql_string.ts";
import { type Dataset, streamRows } from "../../source/dataset.ts";
import { STREAM_BATCH } from "../../source/sql_engine.ts";
import type { CustomerTable } from "./customer_table.ts";
import type { HistoriesTable, HistoryRow } from "./purchase_histories.ts";

/** A batch of customers' histories with their segment and cluster, by column. */
export type HistoryBatch =
  & ValueBatch
  & Pick<HoldoutHistories, "holdout">;

/**
 * A histories table's customers in batches of at most `batchRows`, ids
 * ascending (byte by byte on both engines), each with its segment and
 * cluster label from the customer table when one is given (JOINed in the
 * same query: one stream, never a query per batch), null for a customer
 * the table does not hold. Like every stream, no other query may run on
 * the dataset until the iteration ends.
 */
export async function* historyBatches(
  data: Dataset,
  histories: HistoriesTable,
  options: { customers?: CustomerTable | undefined; batchRows?: number } = {},
): AsyncGenerator<HistoryBatch> {
  const { customers, batchRows = STREAM_BATCH } = options;
  const h = sqlIdentifier(histories.name);
  for await (
    const rows of streamRows<
      HistoryRow & { segment: string | null; cluster: string | null }
    >(
      data,
      customers
        ? `SELECT h.customer_id, h.x, h.tx, h."T", h.zbar, h.holdout,
             c.segment, c.cluster
           FROM ${h} AS h
           LEFT JOIN ${sqlIdentifier(customers.name)} AS c
             ON c.customer_id = h.customer_id
           ORDER BY h.customer_id`
        : `SELECT customer_id, x, tx, "T", zbar, holdout,
             NULL AS segment, NULL AS cluster
           FROM ${h} ORDER BY customer_id`,
      [],
      batchRows,
    )
  ) {
    const n = rows.length;
    const ids = new Array<string>(n);
    const x = new Float64Array(n), tx = new Float64Array(n);
    const T = new Float64Array(n), zbar = new Float64Array(n);
    const holdout = new Float64Array(n);
    const segment = new Array<string | null>(n);
    const cluster = new Array<string | null>(n);
    for (let i = 0; i < n; i++) {
      const row = rows[i];
      ids[i] = row.customer_id;
      x[i] = row.x;
      tx[i] = row.tx;
      T[i] = row.T;
      zbar[i] = row.zbar;
      holdout[i] = row.holdout;
      segment[i] = row.segment;
      cluster[i] = row.cluster;
    }
    const batch: HistoryBatch = {
      customers: ids,
      x,
      tx,
      T,
      zbar,
      holdout,
      segment,
      cluster,
    };
    yield batch;
  }
}
