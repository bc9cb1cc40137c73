import type { Dataset } from "../../source/dataset.ts";
import { clusterProfiles } from "../../figures/segments/cluster_profiles.ts";
import { customerFeatures } from "./customer_features.ts";
import { explainedVarianceRows } from "../../figures/segments/explained_variance_rows.ts";
import {
  finishClusters,
  type FitClustersOptions,
  ONE_COLUMN_NOTE,
  prepareClusters,
} from "../../stats/fit_clusters.ts";
import { chooseKInWorkers } from "./choose_k_in_workers.ts";
import type { RfmTableOptions } from "./rfm_table.ts";
import {
  cutOff,
  scoreCustomers,
  type ScoredCustomers,
} from "./score_customers.ts";
import {
  appendClusters,
  CLUSTER_TABLE,
  createClusterTable,
  readAssignments,
  segmentCountsOf,
} from "./cluster_table.ts";
import { seededSample } from "../../stats/seeded_sample.ts";
import {
  CLUSTER_SAMPLE_ABOVE,
  customerDetails,
  sampledClusters,
} from "./sampled_clusters.ts";
import type { CustomerClusters } from "../../figures/segments/customer_clusters.ts";

export type {
  CustomerClusters,
  ScatterPoint,
} from "../../figures/segments/customer_clusters.ts";

export type { ExplainedVariance } from "../../figures/segments/explained_variance_rows.ts";

/** Options for {@linkcode clusterCustomers}. */
export interface ClusterCustomersOptions
  extends RfmTableOptions, FitClustersOptions {
  /** Cluster on shares of each customer's spend instead of spend. Default false. */
  share?: boolean;
  /**
   * The scored customers (an RFM table from rfmTable, or scoreCustomers's
   * table): those clustered, and their segments for the segment mix;
   * scored with the same filter when missing.
   */
  rfm?: { scored: ScoredCustomers } | undefined;
  /**
   * The temporary table every customer's cluster is written to (see
   * cluster_table.ts). Default CLUSTER_TABLE.
   */
  assignTable?: string;
  /** PCA scatter points kept in the result at most (a seeded sample). Default 2,000. */
  scatterSize?: number;
  /** Web Workers the values of k are fitted in (see chooseKInWorkers); the result is the same. */
  workers?: number;
  /**
   * Above this many customers, fit on a seeded sample of this many and
   * assign every customer in batches (see sampledClusters). Default
   * CLUSTER_SAMPLE_ABOVE (100,000).
   */
  sampleAbove?: number;
  /** Customers assigned at a time above `sampleAbove`; default ASSIGN_BATCH. */
  assignBatch?: number;
}

/**
 * Clusters customers by what they buy: each customer's net spend per
 * (category, sub-category), optionally as shares of their spend,
 * standardised; PCA keeping the fewest components that explain
 * `varianceThreshold` (default 80%) of the variance; k-means with k chosen
 * by silhouette over 2..8 (or fixed), the best of several seeded k-means++
 * starts per k. Exact up to 20,000 customers; above that k is chosen on a
 * seeded sample (stated in `sampleSize`) and then every customer is
 * assigned; above `sampleAbove` (100,000) customers the whole fit uses a
 * seeded sample of that many (stated in `fitSample`) and every customer is
 * assigned to the nearest centre in batches (see sampledClusters). Clusters are numbered by size and named from the sub-categories
 * they over-index on; profiles add the RFM segment mix and, with a
 * customers table, age bands, genders and cities. See docs/segments.md.
 *
 * @example
 * ```ts
 * import { createDataset } from "../../source/dataset.ts";
 * import { clusterCustomers } from "./cluster_customers.ts";
 * const line = (customer_id: string, sub_category: string, amount: number) => ({
 *   date: "2024-01-01", store: null, city: null, region: null, channel: null,
 *   department: null, category: "Books", sub_category, customer_id, transaction_id: null,
 *   quantity: 1, amount, gallons: null, fuel_type: null, fuel_price: null,
 * });
 * const sales = ["a", "b", "c", "d"].flatMap((id, i) => [
 *   line(id, "Comics", 50 + i), line(id + "2", "DIY", 40 + i),
 * ]);
 * const result = await clusterCustomers(await createDataset({ sales }));
 * if (result.k !== 2 || result.clusters.map((c) => c.name).join() !== "Comics,DIY") {
 *   throw new Error(JSON.stringify(result.clusters.map((c) => c.name)));
 * }
 * ```
 */
export async function clusterCustomers(
  data: Dataset,
  options: ClusterCustomersOptions = {},
): Promise<CustomerClusters> {
  const { assignTable = CLUSTER_TABLE } = options;
  const clusters = await assignClusters(data, { ...options, assignTable });
  return { ...clusters, assignments: await readAssignments(data, assignTable) };
}

/**
 * Clusters customers as clusterCustomers does, but leaves every customer's
 * cluster in the engine's table `assignTable` (default CLUSTER_TABLE)
 * rather than in the result: what the report does, so that it holds no
 * array of every customer.
 */
export async function assignClusters(
  data: Dataset,
  options: ClusterCustomersOptions = {},
): Promise<Omit<CustomerClusters, "assignments">> {
  const {
    share = false,
    rfm: givenRfm,
    scatterSize = 2_000,
    asOf,
    ties,
    segmentMap,
    k,
    kMin,
    kMax,
    seed = 1,
    starts,
    exactLimit,
    sampleSize,
    varianceThreshold = 0.8,
    workers,
    sampleAbove = CLUSTER_SAMPLE_ABOVE,
    assignBatch,
    assignTable = CLUSTER_TABLE,
    ...filter
  } = options;
  const scored = givenRfm?.scored ??
    await scoreCustomers(data, { ...filter, asOf, ties, segmentMap });
  const oneColumnNote = (columns: readonly { label: string }[]) =>
    `Clusters of what customers buy need spend in at least two product categories or sub-categories; the data has ${
      columns.length ? `one (${JSON.stringify(columns[0].label)})` : "none"
    }. Map a category column (--map category=COLUMN, and sub_category) to see them`;
  if (scored.count > sampleAbove) {
    const { clusters } = await sampledClusters(data, {
      filter: cutOff(filter, asOf),
      share,
      scored,
      assignTable,
      sampleSize: sampleAbove,
      seed,
      scatterSize,
      varianceThreshold,
      k,
      kMin,
      kMax,
      starts,
      exactLimit,
      ...(sampleSize !== undefined ? { sampleSize } : {}),
      ...(workers !== undefined ? { workers } : {}),
      ...(assignBatch !== undefined ? { batch: assignBatch } : {}),
      hasCustomers: data.hasCustomers,
    });
    return clusters.note === ONE_COLUMN_NOTE
      ? { ...clusters, note: oneColumnNote(clusters.features) }
      : clusters;
  }
  const features = await customerFeatures(data, {
    ...cutOff(filter, asOf),
    share,
  });
  // The values of k are fitted in Web Workers, on both cores: the same
  // result as fitClusters gives in one thread.
  const prepared = prepareClusters(features.features, {
    k,
    kMin,
    kMax,
    seed,
    starts,
    exactLimit,
    sampleSize,
    varianceThreshold,
  });
  const fit = "fit" in prepared ? prepared.fit : finishClusters(
    prepared,
    await chooseKInWorkers(prepared.analysis.scores, {
      ...prepared.chooseOptions,
      ...(workers !== undefined ? { workers } : {}),
    }),
  );
  // Only the scored customers' details: the customers table may list many
  // more customers than bought.
  const customers = data.hasCustomers
    ? await customerDetails(data, undefined, scored.table)
    : undefined;
  await createClusterTable(data, assignTable);
  await appendClusters(
    data,
    assignTable,
    features.customerIds,
    Uint16Array.from(fit.labels, (label) => label + 1),
  );
  const clusters = clusterProfiles({
    features,
    labels: fit.labels,
    k: fit.k,
    segmentCounts: await segmentCountsOf(data, assignTable, scored, fit.k),
    segmentMap: scored.segmentMap,
    customers,
    asOf: scored.asOf,
  });
  const n = features.customerIds.length;
  const explainedVariance = explainedVarianceRows(fit.pca);
  const scatterRows = seededSample(n, scatterSize, seed);
  const { standardised, pca } = fit;
  const d = standardised.cols;
  const project = (i: number, c: number) => {
    const vector = pca.loadings[c];
    if (!vector) return 0;
    let s = 0;
    for (let j = 0; j < d; j++) {
      s += (standardised.values[i * d + j] - pca.means[j]) * vector[j];
    }
    return s;
  };
  return {
    k: fit.k,
    customers: n,
    seed,
    share,
    features: features.columns,
    varianceThreshold,
    components: fit.pca.components,
    explainedVariance,
    silhouette: fit.silhouette,
    silhouetteByK: fit.byK,
    sampleSize: fit.sampleSize,
    inertia: fit.inertia,
    note: fit.note === ONE_COLUMN_NOTE
      ? oneColumnNote(features.columns)
      : fit.note,
    clusters,
    scatter: {
      points: Array.from(scatterRows, (i) => ({
        customerId: features.customerIds[i],
        pc1: project(i, 0),
        pc2: project(i, 1),
        cluster: fit.labels[i] + 1,
      })),
      total: n,
      sampleSize: scatterRows.length < n ? scatterRows.length : null,
    },
  };
}
