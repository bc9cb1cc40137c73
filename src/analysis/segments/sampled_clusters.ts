import { type Dataset, streamRows } from "../../source/dataset.ts";
import { clusterSegmentCounts } from "../../figures/segments/cluster_segment_counts.ts";
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
import type { RfmTable } from "./rfm_table.ts";
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
  /** The RFM table of the same customers, in the order of their ids. */
  rfm: RfmTable;
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
): Promise<{ clusters: CustomerClusters; model: ClusterModel }> {
  const {
    filter,
    share,
    rfm,
    sampleSize,
    seed,
    scatterSize,
    varianceThreshold,
    workers,
    batch = ASSIGN_BATCH,
    hasCustomers,
    ...fitOptions
  } = options;
  const ids = rfm.columns.customerIds;
  const n = ids.length;
  const columns = await featureColumns(data, filter);
  // The sample's matrices (its spend, standardised, PCA scores) are left
  // behind in fitOnSample: the batches below need only the model.
  const { model, fit } = await fitOnSample(data, {
    ids,
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
  const labels = new Int32Array(n);
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
  for (let start = 0; start < n; start += batch) {
    const end = Math.min(n, start + batch);
    const part = await customerFeatures(data, {
      ...filter,
      share,
      columns,
      idRange: {
        from: ids[start],
        to: ids[end - 1],
      },
    });
    if (
      part.customerIds.length !== end - start ||
      part.customerIds.some((id, i) => id !== ids[start + i])
    ) {
      throw new Error(
        `Cannot assign customers ${ids[start]} to ${
          ids[end - 1]
        } to clusters: their spend does not match their RFM rows`,
      );
    }
    const values = part.features.values;
    // The batch's customers' details, for the clusters' demographics.
    const details = demographics
      ? await customerDetails(data, { from: ids[start], to: ids[end - 1] })
      : undefined;
    for (let r = 0; r < end - start; r++) {
      const row = values.subarray(r * d, (r + 1) * d);
      project(model, row, scores);
      const { label, distance } = nearest(model, scores);
      const i = start + r;
      labels[i] = label;
      inertia += distance;
      sizes[label]++;
      if (demographics) {
        countCustomer(
          demographics[label],
          details!.get(ids[i]),
          rfm.asOf,
        );
      }
      for (let j = 0; j < d; j++) {
        const v = part.spend.values[r * d + j];
        clusterSpend[label][j] += v;
        allSpend[j] += v;
      }
      if (scatterRows[next] === i) {
        next++;
        points.push({
          customerId: ids[i],
          pc1: dims > 0 ? scores[0] : 0,
          pc2: dims > 1 ? scores[1] : 0,
          cluster: label + 1,
        });
      }
    }
  }
  const profiles = clusterProfilesFromSums({
    columns,
    sizes,
    clusterSpend,
    allSpend,
    segmentCounts: clusterSegmentCounts(labels, fit.k, rfm.columns),
    segmentMap: rfm.segmentMap,
    asOf: rfm.asOf,
    ...(demographics ? { demographicCounts: demographics } : {}),
  });
  const clusters: CustomerClusters = {
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
    assignments: {
      customerIds: ids,
      clusters: Uint16Array.from(labels, (label) => label + 1),
    },
    scatter: {
      points,
      total: n,
      sampleSize: scatterRows.length < n ? scatterRows.length : null,
    },
  };
  return { clusters, model };
}

/**
 * The customers table's rows by customer id: every customer's, or those
 * whose ids are in a range (`from` to `to`, both in), read as a stream.
 */
export async function customerDetails(
  data: Dataset,
  range?: { from: string; to: string },
): Promise<Map<string, CustomerDetails>> {
  const details = new Map<string, CustomerDetails>();
  for await (
    const batch of streamRows<CustomerDetails & { customer_id: string }>(
      data,
      `SELECT customer_id, birth_date, gender, city FROM customers${
        range ? " WHERE customer_id >= ? AND customer_id <= ?" : ""
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
