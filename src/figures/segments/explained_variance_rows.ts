import type { PcaResult } from "../../stats/pca.ts";

/** One component's share of the variance. */
export interface ExplainedVariance {
  /** 1 = the first principal component. */
  component: number;
  ratio: number;
  cumulative: number;
  /** Whether the clusters use this component. */
  kept: boolean;
}

/**
 * Every principal component's share of the variance, the running total, and
 * whether the clusters use it: the rows of the explained-variance chart.
 *
 * @example
 * ```ts
 * import { denseMatrix } from "../../stats/dense_matrix.ts";
 * import { explainedVarianceRows } from "./explained_variance_rows.ts";
 * import { pca } from "../../stats/pca.ts";
 * const rows = explainedVarianceRows(pca(denseMatrix([[1, 2], [2, 4], [3, 6.1]])));
 * if (rows.length !== 2 || !rows[0].kept || rows[1].kept || Math.abs(rows[1].cumulative - 1) > 1e-9) {
 *   throw new Error(JSON.stringify(rows));
 * }
 * ```
 */
export function explainedVarianceRows(
  analysis: Pick<PcaResult, "explainedVarianceRatio" | "components">,
): ExplainedVariance[] {
  let cumulative = 0;
  return analysis.explainedVarianceRatio.map((ratio, c) => ({
    component: c + 1,
    ratio,
    cumulative: cumulative += ratio,
    kept: c < analysis.components,
  }));
}
