import { PCA } from "ml-pca";
import type { DenseMatrix } from "./dense_matrix.ts";

/** Options for {@linkcode pca}. */
export interface PcaOptions {
  /**
   * Keep the fewest components whose explained variance adds up to at least
   * this share (0 to 1). Default 0.8.
   */
  varianceThreshold?: number;
  /** Keep exactly this many components instead (at most the column count). */
  components?: number;
}

/** A principal component analysis of a matrix. */
export interface PcaResult {
  /** Every component's share of the total variance, largest first. */
  explainedVarianceRatio: number[];
  /** Every component's variance (eigenvalue, with n - 1 degrees of freedom). */
  explainedVariance: number[];
  /** How many components are kept. */
  components: number;
  /**
   * Every component as a unit vector over the input columns (one array per
   * component, largest variance first), signed so that its largest entry is
   * positive. The first `components` are the kept ones.
   */
  loadings: number[][];
  /** Column means subtracted before projecting. */
  means: number[];
  /** The rows projected on the kept components: rows × components. */
  scores: DenseMatrix;
}

/**
 * Principal components of a matrix through its covariance matrix: the
 * d × d covariance is accumulated in one pass over the rows (typed arrays),
 * `ml-pca` decomposes it (cheap: d is the number of sub-categories), and
 * the rows are projected on the kept components. This is much faster than
 * an SVD of the whole matrix when there are many more rows than columns.
 * Columns are centred first; standardise them beforehand to work on
 * correlations. A matrix without variance keeps no component.
 *
 * @example
 * ```ts
 * import { denseMatrix } from "./dense_matrix.ts";
 * import { pca } from "./pca.ts";
 * const result = pca(denseMatrix([[1, 2], [2, 4], [3, 6.1]]));
 * if (result.components !== 1 || result.explainedVarianceRatio[0] < 0.99) {
 *   throw new Error(JSON.stringify(result.explainedVarianceRatio));
 * }
 * ```
 */
export function pca(input: DenseMatrix, options: PcaOptions = {}): PcaResult {
  const { varianceThreshold = 0.8 } = options;
  if (!(varianceThreshold > 0 && varianceThreshold <= 1)) {
    throw new RangeError(
      `Cannot run PCA: variance threshold ${varianceThreshold} is not within (0, 1]`,
    );
  }
  const { rows, cols, values } = input;
  const means = new Float64Array(cols);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) means[j] += values[i * cols + j];
  }
  for (let j = 0; j < cols; j++) means[j] = rows ? means[j] / rows : 0;
  const cov = new Float64Array(cols * cols);
  const centred = new Float64Array(cols);
  for (let i = 0; i < rows; i++) {
    const offset = i * cols;
    for (let j = 0; j < cols; j++) centred[j] = values[offset + j] - means[j];
    for (let a = 0; a < cols; a++) {
      const va = centred[a];
      if (va === 0) continue;
      const base = a * cols;
      for (let b = a; b < cols; b++) cov[base + b] += va * centred[b];
    }
  }
  const denominator = Math.max(rows - 1, 1);
  const covariance: number[][] = [];
  for (let a = 0; a < cols; a++) {
    covariance.push(new Array(cols));
    for (let b = 0; b < cols; b++) {
      covariance[a][b] = (a <= b ? cov[a * cols + b] : cov[b * cols + a]) /
        denominator;
    }
  }
  const trace = covariance.reduce((sum, row, a) => sum + row[a], 0);
  if (!(trace > 0)) {
    return {
      explainedVarianceRatio: new Array(cols).fill(0),
      explainedVariance: new Array(cols).fill(0),
      components: 0,
      loadings: [],
      means: Array.from(means),
      scores: { rows, cols: 0, values: new Float64Array(0) },
    };
  }
  const model = new PCA(covariance, { isCovarianceMatrix: true });
  const eigenvalues = model.getEigenvalues().map((v) => Math.max(v, 0));
  const vectors = model.getEigenvectors().to2DArray();
  const total = eigenvalues.reduce((sum, v) => sum + v, 0);
  const ratios = eigenvalues.map((v) => v / total);
  let kept = options.components;
  if (kept === undefined) {
    kept = 0;
    let cumulative = 0;
    while (kept < cols && cumulative < varianceThreshold) {
      cumulative += ratios[kept++];
    }
  } else if (!Number.isInteger(kept) || kept < 1 || kept > cols) {
    throw new RangeError(
      `Cannot run PCA: ${kept} components asked for, the data has ${cols} columns`,
    );
  }
  const loadings: number[][] = [];
  for (let c = 0; c < cols; c++) {
    const vector = vectors.map((row) => row[c]);
    let largest = 0;
    for (const v of vector) if (Math.abs(v) > Math.abs(largest)) largest = v;
    loadings.push(largest < 0 ? vector.map((v) => -v) : vector);
  }
  const flat = new Float64Array(kept * cols);
  loadings.slice(0, kept).forEach((vector, c) => flat.set(vector, c * cols));
  const scores = new Float64Array(rows * kept);
  for (let i = 0; i < rows; i++) {
    const offset = i * cols;
    for (let j = 0; j < cols; j++) centred[j] = values[offset + j] - means[j];
    for (let c = 0; c < kept; c++) {
      let s = 0;
      const base = c * cols;
      for (let j = 0; j < cols; j++) s += centred[j] * flat[base + j];
      scores[i * kept + c] = s;
    }
  }
  return {
    explainedVarianceRatio: ratios,
    explainedVariance: eigenvalues,
    components: kept,
    loadings,
    means: Array.from(means),
    scores: { rows, cols: kept, values: scores },
  };
}
