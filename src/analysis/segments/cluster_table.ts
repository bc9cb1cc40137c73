/**
 * Each clustered customer's cluster, kept in the engine: a temporary table
 * (customer_id, cluster — numbered from 1, the largest first) filled a
 * batch of customers at a time, joined with the scored customers for the
 * clusters' segment mix and the segment × cluster table, and read back
 * whole only for notebooks and small data.
 *
 * @module
 */
import type { ClusterAssignments } from "../../figures/segments/customer_clusters.ts";
import { type Dataset, queryRows, streamRows } from "../../source/dataset.ts";
import { engineOf } from "../../source/duckdb_engine.ts";
import type { SqlColumn } from "../../source/sql_engine.ts";
import type { ScoredCustomers } from "./score_customers.ts";

/** The report's table of every clustered customer's cluster. */
export const CLUSTER_TABLE = "basket_clusters";

const COLUMNS: SqlColumn[] = [
  { name: "customer_id", type: "VARCHAR" },
  { name: "cluster", type: "INTEGER" },
];

/** Creates the table `name`, empty. */
export async function createClusterTable(
  data: Dataset,
  name: string,
): Promise<void> {
  await engineOf(data).createTempTable(name, COLUMNS, []);
}

/**
 * Adds customers to the table: `ids[i]` is in cluster `clusters[i]`
 * (from 1), made into rows as they are sent.
 */
export async function appendClusters(
  data: Dataset,
  name: string,
  ids: readonly string[],
  clusters: ArrayLike<number>,
): Promise<void> {
  const engine = engineOf(data);
  const batch = `${name}_batch`;
  await engine.createTempTable(
    batch,
    COLUMNS,
    (function* () {
      for (let i = 0; i < ids.length; i++) yield [ids[i], clusters[i]];
    })(),
  );
  try {
    await engine.run(
      `INSERT INTO ${name} (customer_id, cluster)
       SELECT customer_id, cluster FROM ${batch}`,
    );
  } finally {
    await engine.dropTempTable(batch);
  }
}

/**
 * Each cluster's scored customers per RFM segment (index c for cluster
 * c + 1), counted by the engine: customers not scored are left out.
 */
export async function segmentCountsOf(
  data: Dataset,
  name: string,
  scored: Pick<ScoredCustomers, "table">,
  k: number,
): Promise<Map<string, number>[]> {
  const counts = Array.from({ length: k }, () => new Map<string, number>());
  const rows = await queryRows<
    { cluster: number; segment: string; customers: number }
  >(
    data,
    `SELECT c.cluster AS cluster, r.segment AS segment, count(*) AS customers
     FROM ${name} AS c JOIN ${scored.table} AS r ON c.customer_id = r.customer_id
     GROUP BY 1, 2 ORDER BY 1, 2`,
  );
  for (const row of rows) {
    counts[row.cluster - 1]?.set(row.segment, row.customers);
  }
  return counts;
}

/** The whole table, ids ascending: for notebooks and small data. */
export async function readAssignments(
  data: Dataset,
  name: string,
): Promise<ClusterAssignments> {
  const customerIds: string[] = [];
  const clusters: number[] = [];
  for await (
    const rows of streamRows<{ customer_id: string; cluster: number }>(
      data,
      `SELECT customer_id, cluster FROM ${name} ORDER BY customer_id`,
    )
  ) {
    for (const row of rows) {
      customerIds.push(row.customer_id);
      clusters.push(row.cluster);
    }
  }
  return { customerIds, clusters: Uint16Array.from(clusters) };
}
