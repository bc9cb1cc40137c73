import type { DenseMatrix } from "./dense_matrix.ts";
import { kmeans, type KMeansFit } from "./kmeans.ts";
import { seededSample } from "./seeded_sample.ts";
import { silhouetteScores } from "./silhouette.ts";

/** Options for {@linkcode chooseK}. */
export interface ChooseKOptions {
  /** Use this k instead of choosing one. */
  k?: number;
  /** Smallest k tried. Default 2. */
  kMin?: number;
  /** Largest k tried (capped at the number of rows - 1). Default 8. */
  kMax?: number;
  /** Seed of the sample and of the k-means starts. Default 1. */
  seed?: number;
  /** k-means++ starts per k, the lowest inertia kept. Default 10, as scikit-learn. */
  starts?: number;
  /** Up to this many rows, fit and silhouette use every row. Default 20,000. */
  exactLimit?: number;
  /** Above `exactLimit`, fit and silhouette use a seeded sample of this many rows. Default 10,000. */
  sampleSize?: number;
}

/** One k tried. */
export interface KScore {
  k: number;
  /** Mean silhouette; null when k clusters could not be formed or scored. */
  silhouette: number | null;
  /** Inertia of the fit (on the sample when sampled); null when k clusters could not be formed. */
  inertia: number | null;
}

/** What {@linkcode chooseK} found. */
export interface ChooseKResult {
  /** The k with the highest silhouette (the smaller on a tie); null when none could be scored. */
  k: number | null;
  byK: KScore[];
  /** Rows of the sample the fits and silhouettes used, or null when every row was used. */
  sampleSize: number | null;
  /** The sampled row indices, ascending, or null. */
  sample: Int32Array | null;
  /** The fit for the chosen k (on the sample when sampled), or null. */
  fit: KMeansFit | null;
}

/**
 * Chooses the number of clusters by mean silhouette over k = kMin..kMax.
 * Each k gets the best of several seeded k-means++ starts; the silhouettes
 * of all k come from one pass over the pairs of rows (silhouetteScores).
 * Up to `exactLimit` rows everything is exact; above it the fits and the
 * silhouettes use one seeded sample of `sampleSize` rows, and the result
 * says so in `sampleSize`.
 *
 * @example
 * ```ts
 * import { denseMatrix } from "./dense_matrix.ts";
 * import { chooseK } from "./choose_k.ts";
 * const blobs = denseMatrix([[0, 0], [0, 1], [1, 0], [9, 9], [9, 10], [10, 9], [0, 20], [1, 20], [0, 21]]);
 * const result = chooseK(blobs, { kMax: 5 });
 * if (result.k !== 3) throw new Error(JSON.stringify(result.byK));
 * ```
 */
export function chooseK(
  points: DenseMatrix,
  options: ChooseKOptions = {},
): ChooseKResult {
  const plan = planChooseK(points, options);
  const fitted = fitCandidates(plan.points, plan.candidates, plan);
  return chosenK(plan, fitted);
}

/** What {@linkcode planChooseK} settled: the rows and the values of k to fit. */
export interface ChooseKPlan {
  /** The rows to fit: every row, or the seeded sample's. */
  points: DenseMatrix;
  /** The values of k to fit, in order. */
  candidates: number[];
  /** The sampled row indices, ascending, or null. */
  sample: Int32Array | null;
  /** Whether k was given rather than chosen. */
  fixed: boolean;
  seed: number;
  starts: number;
}

/** The fits of some values of k and their mean silhouettes, in the same order. */
export interface CandidateFits {
  /** Null where k clusters could not be formed. */
  fits: (KMeansFit | null)[];
  /** Null where the fit could not be scored. */
  scores: (number | null)[];
}

/**
 * The first step of {@linkcode chooseK}: checks the options, draws the
 * sample and lists the values of k to fit. The fits (see
 * {@linkcode fitCandidates}) may then be split between threads: each k's
 * fit and silhouette are the same whichever others are fitted with it.
 */
export function planChooseK(
  points: DenseMatrix,
  options: ChooseKOptions = {},
): ChooseKPlan {
  const {
    kMin = 2,
    kMax = 8,
    seed = 1,
    starts = 10,
    exactLimit = 20_000,
    sampleSize = 10_000,
  } = options;
  if (options.k !== undefined) {
    if (!Number.isInteger(options.k) || options.k < 1) {
      throw new RangeError(
        `Cannot cluster: k = ${options.k} is not a positive whole number`,
      );
    }
    if (options.k > points.rows) {
      throw new RangeError(
        `Cannot make ${options.k} clusters: there are only ${points.rows} customers`,
      );
    }
  }
  if (!(kMin >= 2 && kMax >= kMin)) {
    throw new RangeError(
      `Cannot choose k: the range ${kMin} to ${kMax} is empty or starts below 2`,
    );
  }
  const sampled = points.rows > exactLimit;
  const sample = sampled ? seededSample(points.rows, sampleSize, seed) : null;
  const fitPoints = sample ? takeRows(points, sample) : points;
  const candidates: number[] = [];
  if (options.k !== undefined) candidates.push(options.k);
  else {
    for (let k = kMin; k <= Math.min(kMax, fitPoints.rows - 1); k++) {
      candidates.push(k);
    }
  }
  return {
    points: fitPoints,
    candidates,
    sample,
    fixed: options.k !== undefined,
    seed,
    starts,
  };
}

/**
 * Fits k-means for each of `candidates` (the best of `starts` seeded
 * k-means++ starts, seeded by `seed` and k) and scores each fit by mean
 * silhouette. A k's fit and score do not depend on the other candidates,
 * so that fitting them in parts, in any thread, gives the same numbers.
 */
export function fitCandidates(
  points: DenseMatrix,
  candidates: readonly number[],
  options: { seed: number; starts: number },
): CandidateFits {
  const fits = candidates.map((k) =>
    kmeans(points, k, { seed: options.seed * 1000 + k, starts: options.starts })
  );
  const scorable = fits.filter((fit): fit is KMeansFit =>
    fit !== null && fit.k >= 2 && fit.k < points.rows
  );
  const scored = silhouetteScores(points, scorable);
  return {
    fits,
    scores: fits.map((fit) => {
      const at = fit ? scorable.indexOf(fit) : -1;
      return at >= 0 ? scored[at] : null;
    }),
  };
}

/** The last step of {@linkcode chooseK}: the k with the best silhouette, from the plan's fits. */
export function chosenK(
  plan: ChooseKPlan,
  fitted: CandidateFits,
): ChooseKResult {
  const { fits, scores } = fitted;
  const byK = plan.candidates.map((k, i): KScore => ({
    k,
    silhouette: scores[i],
    inertia: fits[i] ? fits[i]!.inertia : null,
  }));
  let best = -1;
  byK.forEach((score, i) => {
    if (score.silhouette === null) return;
    if (best < 0 || score.silhouette > byK[best].silhouette!) best = i;
  });
  if (plan.fixed && fits[0]) best = 0;
  return {
    k: best >= 0 ? byK[best].k : null,
    byK,
    sampleSize: plan.sample ? plan.sample.length : null,
    sample: plan.sample,
    fit: best >= 0 ? fits[best] : null,
  };
}

/** The given rows of a matrix, as a new matrix. */
export function takeRows(points: DenseMatrix, rows: Int32Array): DenseMatrix {
  const { cols, values } = points;
  const out = new Float64Array(rows.length * cols);
  rows.forEach((row, i) =>
    out.set(values.subarray(row * cols, row * cols + cols), i * cols)
  );
  return { rows: rows.length, cols, values: out };
}
