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
  customerGroups,
  groupRows,
} from "../../figures/segments/customer_groups.ts";
import { type Dataset, queryRows, streamRows } from "../../source/dataset.ts";
import { NONE_LABEL } from "../../model/none_label.ts";
import type { ScoredCustomers } from "./score_customers.ts";
import { engineOf } from "../../source/duckdb_engine.ts";
import {
  type SqlColumn,
  STREAM_BATCH,
  tempTableName,
} from "../../source/sql_engine.ts";

/**
 * The temporary tables of the scored customers are named from this, a
 * number added for each: a later table never replaces one a handle names.
 */
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
 * Builds the customer table in the engine from the scored customers and
 * the clusters they were assigned to (a table of customer_id and cluster
 * id, see cluster_table.ts): a cluster's label is `labels`'s (none given:
 * "(none)"). No customer passes through Basket.
 */
export async function createCustomerTable(
  data: Dataset,
  scored: Pick<ScoredCustomers, "table">,
  clusterTable: string,
  labels: ReadonlyMap<number, string>,
): Promise<CustomerTable> {
  const engine = engineOf(data);
  const name = tempTableName(CUSTOMER_TABLE);
  const labelTable = `${name}_labels`;
  await engine.createTempTable(
    labelTable,
    [
      { name: "cluster", type: "INTEGER" },
      { name: "label", type: "VARCHAR" },
    ],
    [...labels],
  );
  try {
    await engine.createTempTableAs(
      name,
      `SELECT r.customer_id AS customer_id, r.segment AS segment,
         COALESCE(l.label, ?) AS cluster, r.monetary AS monetary
       FROM ${scored.table} AS r
       LEFT JOIN ${clusterTable} AS c ON c.customer_id = r.customer_id
       LEFT JOIN ${labelTable} AS l ON l.cluster = c.cluster`,
      [NONE_LABEL],
    );
  } finally {
    await engine.dropTempTable(labelTable);
  }
  // Each list in the order of its labels' first customer by id.
  const firstOf = async (column: string) =>
    (await queryRows<{ label: string }>(
      data,
      `SELECT ${column} AS label FROM ${name}
       GROUP BY ${column} ORDER BY min(customer_id)`,
    )).map((row) => row.label);
  const [{ count }] = await queryRows<{ count: number }>(
    data,
    `SELECT count(*) AS count FROM ${name}`,
  );
  return {
    name,
    count,
    segments: await firstOf("segment"),
    clusters: await firstOf("cluster"),
  };
}

/**
 * Uploads customer groups held in memory as the customer table, the
 * rows made as they are sent.
 */
export async function uploadCustomerTable(
  data: Dataset,
  groups: CustomerGroups,
): Promise<CustomerTable> {
  const name = tempTableName(CUSTOMER_TABLE);
  await engineOf(data).createTempTable(
    name,
    CUSTOMER_TABLE_COLUMNS,
    (function* () {
      let i = 0;
      for (const [id, segment, cluster] of groupRows(groups)) {
        yield [id, segment, cluster, groups.monetary[i++]];
      }
    })(),
  );
  return {
    name,
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
      const segment = segmentCode.get(row.segment);
      const cluster = clusterCode.get(row.cluster);
      if (segment === undefined || cluster === undefined) {
        throw new Error(
          `Cannot read the customer table ${table.name}: customer ${
            JSON.stringify(row.customer_id)
          } has the labels ${JSON.stringify(row.segment)} and ${
            JSON.stringify(row.cluster)
          }, not among the table's`,
        );
      }
      batch.ids[i] = row.customer_id;
      batch.segment[i] = segment;
      batch.cluster[i] = cluster;
      batch.monetary[i] = row.monetary;
    }
    yield batch;
  }
}

/**
 * The customer table read whole into customer groups held in memory: for
 * notebooks and small data (the report reads it in batches).
 */
export async function readCustomerGroups(
  data: Dataset,
  table: CustomerTable,
): Promise<CustomerGroups> {
  const ids: string[] = [];
  const segment: number[] = [];
  const cluster: number[] = [];
  const monetary: number[] = [];
  for await (const batch of customerBatches(data, table)) {
    batch.ids.forEach((id, i) => {
      ids.push(id);
      segment.push(batch.segment[i]);
      cluster.push(batch.cluster[i]);
      monetary.push(batch.monetary[i]);
    });
  }
  return customerGroups({
    ids,
    segment: (i) => table.segments[segment[i]],
    cluster: (i) => table.clusters[cluster[i]],
    monetary: (i) => monetary[i],
  });
}
