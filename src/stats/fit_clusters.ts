import {
  chooseK,
  type ChooseKOptions,
  type ChooseKResult,
  type KScore,
} from "./choose_k.ts";
import type { DenseMatrix } from "./dense_matrix.ts";
import { kmeans } from "./kmeans.ts";
import { pca, type PcaResult } from "./pca.ts";
import { standardise } from "./standardise.ts";

/** Options for {@linkcode fitClusters}. */
export interface FitClustersOptions extends ChooseKOptions {
  /** PCA keeps the fewest components explaining at least this share. Default 0.8. */
  varianceThreshold?: number;
}

/** The numeric result of {@linkcode fitClusters}. */
export interface ClusterFit {
  /** Number of clusters. */
  k: number;
  /** Cluster of each row, 0 to k - 1, numbered by size (0 = largest). */
  labels: Int32Array;
  /** Rows in each cluster, by cluster number. */
  sizes: number[];
  /** Silhouette of the chosen k (on the sample when sampled), null for one cluster. */
  silhouette: number | null;
  byK: KScore[];
  /** Rows of the seeded sample used to choose k, or null when all were used. */
  sampleSize: number | null;
  /** Inertia of the final fit over every row, in PCA space. */
  inertia: number;
  /**
   * The final centroids in PCA space, k × components row by row, in the
   * order of the renumbered clusters (empty with one cluster).
   */
  centroids: Float64Array;
  /** The standardised features' PCA; clusters are fit on its kept components. */
  pca: PcaResult;
  /** The standardised features. */
  standardised: DenseMatrix;
  /** Why everyone is in one cluster, when they are. */
  note: string | null;
}

/** The note of a fit on spend in one column: no clusters of what customers buy. */
export const ONE_COLUMN_NOTE =
  "Spend in one column only cannot say what customers buy: one cluster";

/**
 * The clustering pipeline on a feature matrix: standardise the columns, keep
 * the principal components explaining `varianceThreshold` of the variance,
 * choose k by silhouette (chooseK) and fit k-means. When k was chosen on a
 * sample, the sample's centroids seed Lloyd iterations over every row, so
 * every customer is assigned and the inertia is that of all rows. Clusters
 * are renumbered by size, largest first (ties: the one whose first row comes
 * first). Falls back to one cluster when fewer than 3 rows exist or all rows
 * are identical, and says so in `note`.
 *
 * @example
 * ```ts
 * import { denseMatrix } from "./dense_matrix.ts";
 * import { fitClusters } from "./fit_clusters.ts";
 * const fit = fitClusters(denseMatrix([[0, 5], [0, 6], [9, 0], [10, 0], [9, 1]]));
 * if (fit.k !== 2 || fit.sizes.join() !== "3,2" || fit.labels[0] !== 1) throw new Error(JSON.stringify(fit.byK));
 * ```
 */
export function fitClusters(
  features: DenseMatrix,
  options: FitClustersOptions = {},
): ClusterFit {
  const prepared = prepareClusters(features, options);
  if ("fit" in prepared) return prepared.fit;
  return finishClusters(
    prepared,
    chooseK(prepared.analysis.scores, prepared.chooseOptions),
  );
}

/**
 * What {@linkcode fitClusters} does before choosing k: a fit already
 * decided (one cluster, with its note), or the PCA whose scores k is to be
 * chosen on (see chooseK, or its steps planChooseK, fitCandidates and
 * chosenK to spread the fits over threads), then {@linkcode finishClusters}.
 */
export type PreparedClusters =
  | { fit: ClusterFit }
  | {
    analysis: PcaResult;
    standardised: DenseMatrix;
    chooseOptions: ChooseKOptions;
    n: number;
  };

/** The first part of {@linkcode fitClusters}: standardise, PCA, the one-cluster cases. */
export function prepareClusters(
  features: DenseMatrix,
  options: FitClustersOptions = {},
): PreparedClusters {
  const { varianceThreshold = 0.8, ...chooseOptions } = options;
  const standardised = standardise(features).matrix;
  const analysis = pca(standardised, { varianceThreshold });
  const n = features.rows;
  const single = (note: string) => oneCluster(n, analysis, standardised, note);
  if (options.k !== undefined && options.k > n) {
    throw new RangeError(
      `Cannot make ${options.k} clusters: there are only ${n} customers`,
    );
  }
  if (analysis.components === 0) {
    if (options.k !== undefined && options.k > 1) {
      throw new RangeError(
        `Cannot make ${options.k} clusters: all ${n} customers buy the same`,
      );
    }
    return {
      fit: single(
        n === 0
          ? "No customers to cluster"
          : `All ${n} customers buy the same: one cluster`,
      ),
    };
  }
  if (n > 0 && features.cols < 2) {
    if (options.k !== undefined && options.k > 1) {
      throw new RangeError(
        `Cannot make ${options.k} clusters of what customers buy: their spend has ${features.cols} ${
          features.cols === 1 ? "column" : "columns"
        }, and clusters need at least two`,
      );
    }
    return { fit: single(ONE_COLUMN_NOTE) };
  }
  if (options.k === undefined && n < 3) {
    return {
      fit: single(
        `Too few customers to choose a number of clusters (${n}): one cluster`,
      ),
    };
  }
  return { analysis, standardised, chooseOptions, n };
}

/** The last part of {@linkcode fitClusters}: from the chosen k, the fit of every row. */
export function finishClusters(
  prepared: Exclude<PreparedClusters, { fit: ClusterFit }>,
  chosen: ChooseKResult,
): ClusterFit {
  const { analysis, standardised, chooseOptions: options, n } = prepared;
  const single = (note: string) => oneCluster(n, analysis, standardised, note);
  if (chosen.k === null || chosen.fit === null) {
    if (options.k !== undefined) {
      throw new RangeError(
        `Cannot make ${options.k} clusters: fewer than ${options.k} customers differ in what they buy`,
      );
    }
    const fit = single(
      "Fewer than two distinct groups of customers: one cluster",
    );
    return { ...fit, byK: chosen.byK, sampleSize: chosen.sampleSize };
  }
  const final = chosen.sample
    ? kmeans(analysis.scores, chosen.k, {
      initialCentroids: chosen.fit.centroids,
    })!
    : chosen.fit;
  const { labels, sizes, order } = numberBySize(final.labels, chosen.k);
  const dims = analysis.scores.cols;
  const centroids = new Float64Array(order.length * dims);
  order.forEach((old, position) =>
    centroids.set(
      final.centroids.subarray(old * dims, (old + 1) * dims),
      position * dims,
    )
  );
  return {
    k: sizes.length,
    labels,
    sizes,
    centroids,
    silhouette: chosen.byK.find((s) => s.k === chosen.k)!.silhouette,
    byK: chosen.byK,
    sampleSize: chosen.sampleSize,
    inertia: final.inertia,
    pca: analysis,
    standardised,
    note: null,
  };
}

/** Every row in one cluster, and why. */
function oneCluster(
  n: number,
  analysis: PcaResult,
  standardised: DenseMatrix,
  note: string,
): ClusterFit {
  return {
    k: 1,
    labels: new Int32Array(n),
    sizes: n ? [n] : [],
    silhouette: null,
    byK: [],
    sampleSize: null,
    inertia: 0,
    centroids: new Float64Array(0),
    pca: analysis,
    standardised,
    note,
  };
}

function numberBySize(
  labels: Int32Array,
  k: number,
): { labels: Int32Array; sizes: number[]; order: number[] } {
  const sizes = new Array<number>(k).fill(0);
  const first = new Array<number>(k).fill(Infinity);
  labels.forEach((label, i) => {
    sizes[label]++;
    if (first[label] === Infinity) first[label] = i;
  });
  const order = Array.from({ length: k }, (_, c) => c)
    .filter((c) => sizes[c] > 0)
    .sort((a, b) => sizes[b] - sizes[a] || first[a] - first[b]);
  const renumber = new Int32Array(k);
  order.forEach((old, position) => (renumber[old] = position));
  return {
    labels: labels.map((label) => renumber[label]),
    sizes: order.map((old) => sizes[old]),
    order,
  };
}
