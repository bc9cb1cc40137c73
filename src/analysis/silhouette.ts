import type { DenseMatrix } from "./dense_matrix.ts";

/** One labelling of the rows of a matrix into `k` clusters. */
export interface Labelling {
  k: number;
  /** Cluster of each row, 0 to k - 1. */
  labels: Int32Array;
}

/**
 * Mean silhouette coefficients (Euclidean distances) of several labellings
 * of the same rows, exactly, in one pass over the pairs of rows: each
 * distance is computed once and added to every labelling's sums, so scoring
 * seven values of k costs little more than scoring one. A row alone in its
 * cluster scores 0, as in scikit-learn. The result for a labelling with
 * fewer than two non-empty clusters is null.
 *
 * Time grows with rows², memory with rows × total clusters; sample the rows
 * first for large data (see chooseK).
 *
 * @example
 * ```ts
 * import { denseMatrix } from "./dense_matrix.ts";
 * import { silhouetteScores } from "./silhouette.ts";
 * const points = denseMatrix([[0], [1], [10], [11]]);
 * const [s] = silhouetteScores(points, [{ k: 2, labels: Int32Array.from([0, 0, 1, 1]) }]);
 * const expected = 1 - (1 / 10.5 + 1 / 9.5) / 2;
 * if (Math.abs(s! - expected) > 1e-12) throw new Error(String(s));
 * ```
 */
export function silhouetteScores(
  points: DenseMatrix,
  labellings: readonly Labelling[],
): (number | null)[] {
  const { rows: n, cols: d, values } = points;
  for (const { labels } of labellings) {
    if (labels.length !== n) {
      throw new RangeError(
        `Cannot compute silhouettes: ${labels.length} labels for ${n} rows`,
      );
    }
  }
  const sums = labellings.map(({ k }) => new Float64Array(n * k));
  const distances = new Float64Array(n);
  const count = labellings.length;
  for (let i = 0; i < n; i++) {
    const offset = i * d;
    for (let j = i + 1; j < n; j++) {
      const other = j * d;
      let sum = 0;
      for (let c = 0; c < d; c++) {
        const diff = values[offset + c] - values[other + c];
        sum += diff * diff;
      }
      distances[j] = Math.sqrt(sum);
    }
    for (let t = 0; t < count; t++) {
      const { k, labels } = labellings[t];
      const s = sums[t];
      const own = labels[i];
      const rowBase = i * k;
      for (let j = i + 1; j < n; j++) {
        const dist = distances[j];
        s[rowBase + labels[j]] += dist;
        s[j * k + own] += dist;
      }
    }
  }
  return labellings.map(({ k, labels }, t) => {
    const sizes = new Int32Array(k);
    for (let i = 0; i < n; i++) sizes[labels[i]]++;
    let clusters = 0;
    for (let c = 0; c < k; c++) if (sizes[c] > 0) clusters++;
    if (clusters < 2) return null;
    const s = sums[t];
    let total = 0;
    for (let i = 0; i < n; i++) {
      const own = labels[i];
      if (sizes[own] < 2) continue;
      const a = s[i * k + own] / (sizes[own] - 1);
      let b = Infinity;
      for (let c = 0; c < k; c++) {
        if (c === own || sizes[c] === 0) continue;
        const mean = s[i * k + c] / sizes[c];
        if (mean < b) b = mean;
      }
      const denominator = Math.max(a, b);
      if (denominator > 0) total += (b - a) / denominator;
    }
    return total / n;
  });
}
