import { type Dataset, queryRows, streamRows } from "../../source/dataset.ts";
import {
  clusterProfilesFromSums,
  countCustomer,
  type CustomerDetails,
  demographicCounts,
} from "../../figures/segments/cluster_profiles.ts";
import type { CustomerClusters } from "../../figures/segments/customer_clusters.ts";
import type { FitClustersOptions } from "../../stats/fit_clusters.ts";
import { seededSample } from "../../stats/seeded_sample.ts";
import type { SalesFilter } from "../sales/sales_filter.ts";
import type { ScoredCustomers } from "./score_customers.ts";
import {
  appendClusters,
  createClusterTable,
  segmentCountsOf,
} from "./cluster_table.ts";
import { customerFeatures, featureColumns } from "./customer_features.ts";
import { type ClusterModel, fitOnSample } from "./fit_on_sample.ts";

export type { ClusterModel } from "./fit_on_sample.ts";

/**
 * Above this many customers the clusters are fitted on a seeded sample of
 * this many, and every customer is then assigned to the nearest centroid in
 * batches (see {@linkcode sampledClusters}): the memory the clustering needs
 * no longer grows with the customers. See docs/segments.md.
 */
export const CLUSTER_SAMPLE_ABOVE = 100_000;

/** Customers whose spend is read and assigned at a time above the bound. */
export const ASSIGN_BATCH = 50_000;

/** What {@linkcode sampledClusters} needs besides the data. */
export interface SampledClustersOptions extends FitClustersOptions {
  /** The lines' filter, cut to the as-of date. */
  filter: SalesFilter;
  share: boolean;
  /** The scored customers: those clustered. */
  scored: ScoredCustomers;
  /** The temporary table every customer's cluster is written to (see cluster_table.ts). */
  assignTable: string;
  /** Customers the fit uses (a seeded sample). */
  sampleSize: number;
  seed: number;
  scatterSize: number;
  varianceThreshold: number;
  workers?: number;
  /** Customers read and assigned at a time; default ASSIGN_BATCH. */
  batch?: number;
  /** Whether the data has a customers table: the profiles' demographics. */
  hasCustomers: boolean;
}

/**
 * Clusters more customers than fit comfortably in memory: standardisation,
 * PCA and k-means (k chosen as in fitClusters) are fitted on the spend of a
 * seeded sample of `sampleSize` customers; then every customer's spend is
 * read from the engine in batches of `batch` customers (by ranges of their
 * ids, in the order of the RFM table), standardised and projected with the
 * sample's parameters and assigned to the nearest centroid (ties: the
 * larger cluster). Only the labels, the clusters' spend sums and a
 * scatter sample are kept. The same seed gives the same clusters. The
 * result says how many customers the fit used (`fitSample`); its inertia
 * is over every customer.
 */
export async function sampledClusters(
  data: Dataset,
  options: SampledClustersOptions,
): Promise<{
  clusters: Omit<CustomerClusters, "assignments">;
  model: ClusterModel;
}> {
  const {
    filter,
    share,
    scored,
    assignTable,
    sampleSize,
    seed,
    scatterSize,
    varianceThreshold,
    workers,
    batch = ASSIGN_BATCH,
    hasCustomers,
    ...fitOptions
  } = options;
  const n = scored.count;
  const bounds = await batchBounds(data, scored, batch);
  const columns = await featureColumns(data, filter);
  // The sample's matrices (its spend, standardised, PCA scores) are left
  // behind in fitOnSample: the batches below need only the model.
  const { model, fit } = await fitOnSample(data, {
    scored,
    columns,
    filter,
    share,
    sampleSize,
    seed,
    varianceThreshold,
    ...(workers !== undefined ? { workers } : {}),
    fitOptions,
  });
  const d = columns.length;
  const dims = model.loadings.length;
  await createClusterTable(data, assignTable);
  const sizes = new Array<number>(fit.k).fill(0);
  const clusterSpend = Array.from({ length: fit.k }, () => new Float64Array(d));
  const allSpend = new Float64Array(d);
  const demographics = hasCustomers
    ? Array.from({ length: fit.k }, demographicCounts)
    : undefined;
  const scatterRows = seededSample(n, scatterSize, seed);
  const points: CustomerClusters["scatter"]["points"] = [];
  let next = 0; // The next scatter row.
  let inertia = 0;
  const scores = new Float64Array(Math.max(dims, 2));
  for (let start = 0, b = 0; start < n; start += batch, b++) {
    const end = Math.min(n, start + batch);
    const { from, to } = bounds[b];
    const part = await customerFeatures(data, {
      ...filter,
      share,
      columns,
      idRange: { from, to },
    });
    const ids = part.customerIds;
    if (
      ids.length !== end - start || ids[0] !== from ||
      ids[ids.length - 1] !== to
    ) {
      throw new Error(
        `Cannot assign customers ${from} to ${to} to clusters: their spend does not match their RFM rows`,
      );
    }
    const values = part.features.values;
    // The batch's customers' details, for the clusters' demographics.
    const details = demographics
      ? await customerDetails(data, { from, to })
      : undefined;
    const labels = new Uint16Array(end - start);
    for (let r = 0; r < end - start; r++) {
      const row = values.subarray(r * d, (r + 1) * d);
      project(model, row, scores);
      const { label, distance } = nearest(model, scores);
      const i = start + r;
      labels[r] = label + 1;
      inertia += distance;
      sizes[label]++;
      if (demographics) {
        countCustomer(demographics[label], details!.get(ids[r]), scored.asOf);
      }
      for (let j = 0; j < d; j++) {
        const v = part.spend.values[r * d + j];
        clusterSpend[label][j] += v;
        allSpend[j] += v;
      }
      if (scatterRows[next] === i) {
        next++;
        points.push({
          customerId: ids[r],
          pc1: dims > 0 ? scores[0] : 0,
          pc2: dims > 1 ? scores[1] : 0,
          cluster: label + 1,
        });
      }
    }
    await appendClusters(data, assignTable, ids, labels);
  }
  const profiles = clusterProfilesFromSums({
    columns,
    sizes,
    clusterSpend,
    allSpend,
    segmentCounts: await segmentCountsOf(data, assignTable, scored, fit.k),
    segmentMap: scored.segmentMap,
    asOf: scored.asOf,
    ...(demographics ? { demographicCounts: demographics } : {}),
  });
  const clusters: Omit<CustomerClusters, "assignments"> = {
    k: fit.k,
    customers: n,
    seed,
    share,
    features: columns,
    varianceThreshold,
    components: fit.components,
    explainedVariance: fit.explainedVariance,
    silhouette: fit.silhouette,
    silhouetteByK: fit.byK,
    sampleSize: fit.sampleSize,
    fitSample: fit.fitSample,
    inertia,
    note: fit.note,
    clusters: profiles,
    scatter: {
      points,
      total: n,
      sampleSize: scatterRows.length < n ? scatterRows.length : null,
    },
  };
  return { clusters, model };
}

/**
 * The first and last customer id of each batch of `batch` scored
 * customers, ids ascending: the ranges the batches read.
 */
async function batchBounds(
  data: Dataset,
  scored: ScoredCustomers,
  batch: number,
): Promise<{ from: string; to: string }[]> {
  const rows = await queryRows<{ i: number; customer_id: string }>(
    data,
    `SELECT i, customer_id FROM ${scored.table}
     WHERE i % ? = 0 OR i % ? = ? - 1 OR i = ? - 1
     ORDER BY i`,
    [batch, batch, batch, scored.count],
  );
  const bounds: { from: string; to: string }[] = [];
  for (const row of rows) {
    if (row.i % batch === 0) bounds.push({ from: row.customer_id, to: "" });
    bounds[bounds.length - 1].to = row.customer_id;
  }
  return bounds;
}

/**
 * The customers table's rows by customer id: every customer's, or those
 * whose ids are in a range (`from` to `to`, both in), and with `among`,
 * only those in that table (of customer_id), read as a stream.
 */
export async function customerDetails(
  data: Dataset,
  range?: { from: string; to: string },
  among?: string,
): Promise<Map<string, CustomerDetails>> {
  const details = new Map<string, CustomerDetails>();
  const where = [
    ...(range ? ["customer_id >= ? AND customer_id <= ?"] : []),
    ...(among ? [`customer_id IN (SELECT customer_id FROM ${among})`] : []),
  ];
  for await (
    const batch of streamRows<CustomerDetails & { customer_id: string }>(
      data,
      `SELECT customer_id, birth_date, gender, city FROM customers${
        where.length ? ` WHERE ${where.join(" AND ")}` : ""
      }`,
      range ? [range.from, range.to] : [],
    )
  ) {
    for (const { customer_id, ...rest } of batch) {
      details.set(customer_id, rest);
    }
  }
  return details;
}

/**
 * A customer's spend row standardised and projected on the model's kept
 * components, written into `out`, as standardise and pca compute them.
 */
export function project(
  model: ClusterModel,
  row: ArrayLike<number>,
  out: Float64Array,
): void {
  const d = model.means.length;
  for (let c = 0; c < model.loadings.length; c++) {
    const vector = model.loadings[c];
    let s = 0;
    for (let j = 0; j < d; j++) {
      const z = model.constant[j]
        ? 0
        : (row[j] - model.means[j]) / model.scales[j];
      s += (z - model.pcaMeans[j]) * vector[j];
    }
    out[c] = s;
  }
}

/** The nearest centroid to projected scores (ties: the lower number) and its squared distance. */
export function nearest(
  model: ClusterModel,
  scores: ArrayLike<number>,
): { label: number; distance: number } {
  if (model.k <= 1) return { label: 0, distance: 0 };
  const dims = model.loadings.length;
  let label = 0;
  let distance = Infinity;
  for (let c = 0; c < model.k; c++) {
    let s = 0;
    for (let j = 0; j < dims; j++) {
      const e = scores[j] - model.centroids[c * dims + j];
      s += e * e;
    }
    if (s < distance) {
      distance = s;
      label = c;
    }
  }
  return { label, distance };
}
