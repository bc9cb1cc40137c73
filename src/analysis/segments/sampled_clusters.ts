import { type Dataset, streamRows } from "../../source/dataset.ts";
import { clusterSegmentCounts } from "../../figures/segments/cluster_segment_counts.ts";
import { engineOf } from "../../source/duckdb_engine.ts";
import {
  clusterProfilesFromSums,
  countCustomer,
  type CustomerDetails,
  demographicCounts,
} from "../../figures/segments/cluster_profiles.ts";
import type { CustomerClusters } from "../../figures/segments/customer_clusters.ts";
import { explainedVarianceRows } from "../../figures/segments/explained_variance_rows.ts";
import {
  type ClusterFit,
  finishClusters,
  type FitClustersOptions,
  prepareClusters,
} from "../../stats/fit_clusters.ts";
import { seededSample } from "../../stats/seeded_sample.ts";
import type { SalesFilter } from "../sales/sales_filter.ts";
import type { RfmTable } from "./rfm_table.ts";
import { chooseKInWorkers } from "./choose_k_in_workers.ts";
import { customerFeatures, featureColumns } from "./customer_features.ts";

/**
 * Above this many customers the clusters are fitted on a seeded sample of
 * this many, and every customer is then assigned to the nearest centroid in
 * batches (see {@linkcode sampledClusters}): the memory the clustering needs
 * no longer grows with the customers. See docs/segments.md.
 */
export const CLUSTER_SAMPLE_ABOVE = 100_000;

/** Customers whose spend is read and assigned at a time above the bound. */
export const ASSIGN_BATCH = 50_000;

/** The fitted model every customer is assigned with. */
export interface ClusterModel {
  /** Column means and scales of the sample's standardisation. */
  means: number[];
  scales: number[];
  /** Columns without variance in the sample: standardised to 0. */
  constant: boolean[];
  /** The sample's PCA: column means and the kept components' loadings. */
  pcaMeans: number[];
  loadings: number[][];
  /** Centroids in PCA space, k × components, cluster 0 (largest) first. */
  centroids: Float64Array;
  k: number;
}

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
  const sampleRows = seededSample(n, sampleSize, seed);
  const engine = engineOf(data);
  await engine.createTempTable(
    "cluster_sample",
    [{ name: "customer_id", type: "VARCHAR" }],
    Array.from(sampleRows, (i) => [ids[i]]),
  );
  const sample = await customerFeatures(data, {
    ...filter,
    share,
    columns,
    customersIn: "cluster_sample",
  });
  await engine.run("DROP TABLE cluster_sample");
  const prepared = prepareClusters(sample.features, {
    ...fitOptions,
    seed,
    varianceThreshold,
  });
  const fit: ClusterFit = "fit" in prepared ? prepared.fit : finishClusters(
    prepared,
    await chooseKInWorkers(prepared.analysis.scores, {
      ...prepared.chooseOptions,
      ...(workers !== undefined ? { workers } : {}),
    }),
  );
  const model = clusterModel(sample.features.values, columns.length, fit);
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
      ? await batchDetails(data, ids[start], ids[end - 1])
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
    components: fit.pca.components,
    explainedVariance: explainedVarianceRows(fit.pca),
    silhouette: fit.silhouette,
    silhouetteByK: fit.byK,
    sampleSize: fit.sampleSize,
    fitSample: sample.customerIds.length,
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

/** The customers table's rows of the customers whose ids are in a range. */
async function batchDetails(
  data: Dataset,
  from: string,
  to: string,
): Promise<Map<string, CustomerDetails>> {
  const details = new Map<string, CustomerDetails>();
  for await (
    const batch of streamRows<CustomerDetails & { customer_id: string }>(
      data,
      `SELECT customer_id, birth_date, gender, city FROM customers
       WHERE customer_id >= ? AND customer_id <= ?`,
      [from, to],
    )
  ) {
    for (const { customer_id, ...rest } of batch) {
      details.set(customer_id, rest);
    }
  }
  return details;
}

/** The parameters every customer is assigned with, from the sample's fit. */
function clusterModel(
  sample: Float64Array,
  d: number,
  fit: ClusterFit,
): ClusterModel {
  const rows = d ? sample.length / d : 0;
  const means = new Array<number>(d).fill(0);
  const squares = new Array<number>(d).fill(0);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < d; j++) means[j] += sample[i * d + j];
  }
  for (let j = 0; j < d; j++) means[j] = rows ? means[j] / rows : 0;
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < d; j++) {
      const c = sample[i * d + j] - means[j];
      squares[j] += c * c;
    }
  }
  const scales = squares.map((s) => {
    const sd = rows ? Math.sqrt(s / rows) : 0;
    return sd > 0 ? sd : 1;
  });
  return {
    means,
    scales,
    constant: squares.map((s) => !(s > 0)),
    pcaMeans: fit.pca.means,
    loadings: fit.pca.loadings.slice(0, fit.pca.components),
    centroids: fit.centroids,
    k: fit.k,
  };
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
