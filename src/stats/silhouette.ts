import type { DenseMatrix } from "./dense_matrix.ts";

const BLOCK = 4;

/**
 * Distances from rows start..end-1 (at most BLOCK) to every later row:
 * `out[(a - start) * n + j]` for j > a.
 */
function blockDistances(
  values: Float64Array,
  n: number,
  d: number,
  start: number,
  end: number,
  out: Float64Array,
): void {
  for (let a = start; a < end; a++) {
    const stop = end - start === BLOCK ? end : n;
    for (let j = a + 1; j < stop; j++) {
      out[(a - start) * n + j] = distance(values, a * d, j * d, d);
    }
  }
  if (end - start < BLOCK) return;
  const o0 = start * d, o1 = o0 + d, o2 = o1 + d, o3 = o2 + d;
  for (let j = end; j < n; j++) {
    const p = j * d;
    let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
    for (let c = 0; c < d; c++) {
      const v = values[p + c];
      const x0 = values[o0 + c] - v, x1 = values[o1 + c] - v;
      const x2 = values[o2 + c] - v, x3 = values[o3 + c] - v;
      s0 += x0 * x0;
      s1 += x1 * x1;
      s2 += x2 * x2;
      s3 += x3 * x3;
    }
    out[j] = Math.sqrt(s0);
    out[n + j] = Math.sqrt(s1);
    out[2 * n + j] = Math.sqrt(s2);
    out[3 * n + j] = Math.sqrt(s3);
  }
}

function distance(values: Float64Array, a: number, b: number, d: number) {
  let sum = 0;
  for (let c = 0; c < d; c++) {
    const diff = values[a + c] - values[b + c];
    sum += diff * diff;
  }
  return Math.sqrt(sum);
}

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
  // Rows go four at a time: each row j's values are loaded once for four
  // distances, and its four contributions land in the same cache line.
  const distances = new Float64Array(BLOCK * n);
  for (let start = 0; start < n; start += BLOCK) {
    const end = Math.min(start + BLOCK, n);
    blockDistances(values, n, d, start, end, distances);
    for (let t = 0; t < labellings.length; t++) {
      const { k, labels } = labellings[t];
      const s = sums[t];
      for (let a = start; a < end; a++) {
        const row = (a - start) * n, base = a * k;
        for (let j = a + 1; j < n; j++) {
          s[base + labels[j]] += distances[row + j];
        }
      }
      for (let j = start + 1; j < end; j++) {
        for (let a = start; a < j; a++) {
          s[j * k + labels[a]] += distances[(a - start) * n + j];
        }
      }
      if (end - start === BLOCK) {
        const l0 = labels[start], l1 = labels[start + 1];
        const l2 = labels[start + 2], l3 = labels[start + 3];
        for (let j = end; j < n; j++) {
          const base = j * k;
          s[base + l0] += distances[j];
          s[base + l1] += distances[n + j];
          s[base + l2] += distances[2 * n + j];
          s[base + l3] += distances[3 * n + j];
        }
      } else {
        for (let j = end; j < n; j++) {
          for (let a = start; a < end; a++) {
            s[j * k + labels[a]] += distances[(a - start) * n + j];
          }
        }
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
