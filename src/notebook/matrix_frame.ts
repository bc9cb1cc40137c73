import type { DataFrame } from "danfojs";
import type { DenseMatrix } from "../stats/dense_matrix.ts";
import { toDataFrame } from "./to_data_frame.ts";

/** Options for {@linkcode matrixFrame}. */
export interface MatrixFrameOptions {
  /** Column names, one per matrix column. Default `1`, `2`, ... */
  columns?: readonly string[];
  /** A first column naming each row (customer ids, say), under `indexName`. */
  rowNames?: readonly string[];
  /** The name of the `rowNames` column. Default "row". */
  indexName?: string;
  /** The first this many rows only. Default all. */
  limit?: number;
}

/**
 * The first rows of a DenseMatrix (a feature matrix, its standardised form,
 * PCA scores) as a danfojs DataFrame, to look at in a notebook.
 *
 * @example
 * ```ts
 * import { denseMatrix } from "../stats/dense_matrix.ts";
 * import { matrixFrame } from "./matrix_frame.ts";
 * const frame = matrixFrame(denseMatrix([[1, 2], [3, 4], [5, 6]]), {
 *   columns: ["Books", "Toys"], rowNames: ["A", "B", "C"], indexName: "customer", limit: 2,
 * });
 * if (frame.columns.join() !== "customer,Books,Toys" || frame.shape[0] !== 2) throw new Error(frame.columns.join());
 * ```
 */
export function matrixFrame(
  matrix: DenseMatrix,
  options: MatrixFrameOptions = {},
): DataFrame {
  const { rowNames, indexName = "row" } = options;
  const names = options.columns ??
    Array.from({ length: matrix.cols }, (_, j) => String(j + 1));
  if (names.length !== matrix.cols) {
    throw new RangeError(
      `Cannot show the matrix: ${names.length} column names for ${matrix.cols} columns`,
    );
  }
  const rows = Math.min(matrix.rows, options.limit ?? matrix.rows);
  const records: Record<string, unknown>[] = [];
  for (let i = 0; i < rows; i++) {
    const record: Record<string, unknown> = {};
    if (rowNames) record[indexName] = rowNames[i] ?? null;
    names.forEach((name, j) => {
      record[name] = matrix.values[i * matrix.cols + j];
    });
    records.push(record);
  }
  const columns = rowNames ? [indexName, ...names] : [...names];
  return toDataFrame(records, { columns });
}
