/**
 * The scored customers kept in the engine rather than in Basket's memory:
 * the temporary table {@linkcode CUSTOMER_TABLE}, one row per customer
 * with a purchase, holding the customer's RFM segment, cluster label
 * ("(none)": no cluster) and net spend (RFM monetary). The analyses join
 * it with the lines; the figures that need every customer read it in
 * batches, in the order of the ids, so that what Basket holds does not
 * grow with the customers (see docs/warehouse.md).
 *
 * @module
 */
import {
  type CustomerGroups,
  groupRows,
} from "../../figures/segments/customer_groups.ts";
import { type Dataset, streamRows } from "../../source/dataset.ts";
import { engineOf } from "../../source/duckdb_engine.ts";
import { type SqlColumn, STREAM_BATCH } from "../../source/sql_engine.ts";

/** The temporary table of the scored customers. */
export const CUSTOMER_TABLE = "basket_customers";

/** The columns of {@linkcode CUSTOMER_TABLE}. */
export const CUSTOMER_TABLE_COLUMNS: readonly SqlColumn[] = [
  { name: "customer_id", type: "VARCHAR" },
  { name: "segment", type: "VARCHAR" },
  { name: "cluster", type: "VARCHAR" },
  { name: "monetary", type: "DOUBLE" },
];

/** The scored customers' table in the engine, and its label lists. */
export interface CustomerTable {
  /** The temporary table: customer_id, segment, cluster, monetary. */
  readonly name: string;
  /** How many customers it holds. */
  readonly count: number;
  /** The segment names, in the order of their first customer by id. */
  readonly segments: readonly string[];
  /** The cluster labels ("(none)": no cluster), in the same order. */
  readonly clusters: readonly string[];
}

/** A batch of the table's customers, by column, ids ascending. */
export interface CustomerBatch {
  ids: string[];
  /** Each customer's index into the table's `segments`. */
  segment: Uint16Array;
  /** Each customer's index into the table's `clusters`. */
  cluster: Uint16Array;
  monetary: Float64Array;
}

/**
 * Uploads customer groups held in memory as the customer table, the
 * rows made as they are sent.
 */
export async function uploadCustomerTable(
  data: Dataset,
  groups: CustomerGroups,
): Promise<CustomerTable> {
  await engineOf(data).createTempTable(
    CUSTOMER_TABLE,
    CUSTOMER_TABLE_COLUMNS,
    (function* () {
      let i = 0;
      for (const [id, segment, cluster] of groupRows(groups)) {
        yield [id, segment, cluster, groups.monetary[i++]];
      }
    })(),
  );
  return {
    name: CUSTOMER_TABLE,
    count: groups.ids.length,
    segments: groups.segments,
    clusters: groups.clusters,
  };
}

/**
 * The table's customers in batches of at most `batchRows`, ids ascending
 * (byte by byte, on both engines). Like every stream, no other query may
 * run on the dataset until the iteration ends.
 */
export async function* customerBatches(
  data: Dataset,
  table: CustomerTable,
  batchRows: number = STREAM_BATCH,
): AsyncGenerator<CustomerBatch> {
  const segmentCode = new Map(table.segments.map((name, i) => [name, i]));
  const clusterCode = new Map(table.clusters.map((name, i) => [name, i]));
  for await (
    const rows of streamRows<{
      customer_id: string;
      segment: string;
      cluster: string;
      monetary: number;
    }>(
      data,
      `SELECT customer_id, segment, cluster, monetary
       FROM ${table.name} ORDER BY customer_id`,
      [],
      batchRows,
    )
  ) {
    const n = rows.length;
    const batch: CustomerBatch = {
      ids: new Array<string>(n),
      segment: new Uint16Array(n),
      cluster: new Uint16Array(n),
      monetary: new Float64Array(n),
    };
    for (let i = 0; i < n; i++) {
      const row = rows[i];
      batch.ids[i] = row.customer_id;
      batch.segment[i] = segmentCode.get(row.segment)!;
      batch.cluster[i] = clusterCode.get(row.cluster)!;
      batch.monetary[i] = row.monetary;
    }
    yield batch;
  }
}
