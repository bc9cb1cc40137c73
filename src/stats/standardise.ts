import type { DenseMatrix } from "./dense_matrix.ts";

/** A standardised matrix with the column means and scales used. */
export interface Standardised {
  matrix: DenseMatrix;
  means: number[];
  /** Population standard deviations; 1 for a constant column. */
  scales: number[];
}

/**
 * Centres every column on its mean and divides it by its population
 * standard deviation, as scikit-learn's StandardScaler does. A constant
 * column (a sub-category nobody bought, say) becomes all zeros.
 *
 * @example
 * ```ts
 * import { denseMatrix } from "./dense_matrix.ts";
 * import { standardise } from "./standardise.ts";
 * const { matrix } = standardise(denseMatrix([[1, 5], [3, 5]]));
 * if (matrix.values.join() !== "-1,0,1,0") throw new Error(matrix.values.join());
 * ```
 */
export function standardise(input: DenseMatrix): Standardised {
  const { rows, cols, values } = input;
  const means = new Float64Array(cols);
  for (let i = 0; i < rows; i++) {
    const offset = i * cols;
    for (let j = 0; j < cols; j++) means[j] += values[offset + j];
  }
  for (let j = 0; j < cols; j++) means[j] = rows ? means[j] / rows : 0;
  const squares = new Float64Array(cols);
  for (let i = 0; i < rows; i++) {
    const offset = i * cols;
    for (let j = 0; j < cols; j++) {
      const d = values[offset + j] - means[j];
      squares[j] += d * d;
    }
  }
  const scales = new Float64Array(cols);
  for (let j = 0; j < cols; j++) {
    const sd = rows ? Math.sqrt(squares[j] / rows) : 0;
    scales[j] = sd > 0 ? sd : 1;
  }
  const out = new Float64Array(rows * cols);
  for (let i = 0; i < rows; i++) {
    const offset = i * cols;
    for (let j = 0; j < cols; j++) {
      const centred = values[offset + j] - means[j];
      out[offset + j] = squares[j] > 0 ? centred / scales[j] : 0;
    }
  }
  return {
    matrix: { rows, cols, values: out },
    means: Array.from(means),
    scales: Array.from(scales),
  };
}
