/**
 * A dense matrix of numbers stored row by row in one Float64Array: the value
 * at (row i, column j) is `values[i * cols + j]`. The numeric steps of the
 * clustering (standardising, PCA, k-means, silhouette) work on it because
 * typed arrays are several times faster than arrays of arrays.
 */
export interface DenseMatrix {
  readonly rows: number;
  readonly cols: number;
  readonly values: Float64Array;
}

/**
 * Builds a DenseMatrix from arrays of numbers (rows of equal length).
 *
 * @example
 * ```ts
 * import { denseMatrix } from "./dense_matrix.ts";
 * const m = denseMatrix([[1, 2], [3, 4]]);
 * if (m.values[2] !== 3 || m.cols !== 2) throw new Error("bad layout");
 * ```
 */
export function denseMatrix(
  rows: readonly (readonly number[])[],
  cols = rows[0]?.length ?? 0,
): DenseMatrix {
  const values = new Float64Array(rows.length * cols);
  rows.forEach((row, i) => {
    if (row.length !== cols) {
      throw new RangeError(
        `Cannot build a matrix: row ${i} has ${row.length} values, expected ${cols}`,
      );
    }
    values.set(row, i * cols);
  });
  return { rows: rows.length, cols, values };
}

/** The rows of a DenseMatrix as arrays of numbers. */
export function matrixRows(matrix: DenseMatrix): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < matrix.rows; i++) {
    out.push(
      Array.from(
        matrix.values.subarray(i * matrix.cols, (i + 1) * matrix.cols),
      ),
    );
  }
  return out;
}
