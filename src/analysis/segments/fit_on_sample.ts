/**
 * The first half of sampledClusters: the clusters fitted on a seeded sample
 * of the customers, kept as a model every customer is then assigned with.
 *
 * @module
 */
import type { Dataset } from "../../source/dataset.ts";
import { engineOf } from "../../source/duckdb_engine.ts";
import { explainedVarianceRows } from "../../figures/segments/explained_variance_rows.ts";
import {
  type ClusterFit,
  finishClusters,
  type FitClustersOptions,
  prepareClusters,
} from "../../stats/fit_clusters.ts";
import { seededSample } from "../../stats/seeded_sample.ts";
import type { SalesFilter } from "../sales/sales_filter.ts";
import type { ScoredCustomers } from "./score_customers.ts";
import { chooseKInWorkers } from "./choose_k_in_workers.ts";
import { customerFeatures, type FeatureColumn } from "./customer_features.ts";

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

/** What the batches need of the sample's fit: the model and the figures. */
export interface SampleFit
  extends Pick<ClusterFit, "k" | "silhouette" | "byK" | "sampleSize" | "note"> {
  components: number;
  explainedVariance: ReturnType<typeof explainedVarianceRows>;
  /** Customers the fit used. */
  fitSample: number;
}

/**
 * Fits the clusters on the spend of a seeded sample of the customers (in
 * the RFM table's order) and returns the model and what the result reports
 * of the fit, and nothing of the sample's matrices.
 */
export async function fitOnSample(
  data: Dataset,
  options: {
    /** The scored customers, the sample is drawn from by their place by id. */
    scored: Pick<ScoredCustomers, "table" | "count">;
    columns: FeatureColumn[];
    filter: SalesFilter;
    share: boolean;
    sampleSize: number;
    seed: number;
    varianceThreshold: number;
    workers?: number;
    fitOptions: FitClustersOptions;
  },
): Promise<{ model: ClusterModel; fit: SampleFit }> {
  const {
    scored,
    columns,
    filter,
    share,
    sampleSize,
    seed,
    varianceThreshold,
    workers,
    fitOptions,
  } = options;
  const sampleRows = seededSample(scored.count, sampleSize, seed);
  const engine = engineOf(data);
  await engine.createTempTable(
    "cluster_sample_rows",
    [{ name: "i", type: "INTEGER" }],
    (function* () {
      for (const i of sampleRows) yield [i];
    })(),
  );
  let sample;
  try {
    await engine.createTempTableAs(
      "cluster_sample",
      `SELECT customer_id FROM ${scored.table}
       WHERE i IN (SELECT i FROM cluster_sample_rows)`,
    );
    await engine.dropTempTable("cluster_sample_rows");
    sample = await customerFeatures(data, {
      ...filter,
      share,
      columns,
      sampleTable: "cluster_sample",
    });
  } finally {
    await engine.dropTempTable("cluster_sample_rows");
    await engine.dropTempTable("cluster_sample");
  }
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
  return {
    model,
    fit: {
      k: fit.k,
      silhouette: fit.silhouette,
      byK: fit.byK,
      sampleSize: fit.sampleSize,
      note: fit.note,
      components: fit.pca.components,
      explainedVariance: explainedVarianceRows(fit.pca),
      fitSample: sample.customerIds.length,
    },
  };
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
