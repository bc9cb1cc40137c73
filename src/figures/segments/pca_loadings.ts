import type { FeatureColumn } from "./customer_features.ts";
import type { PcaResult } from "../../stats/pca.ts";

/** One feature's weight in one principal component. */
export interface PcaLoading {
  /** 1 = the first principal component. */
  component: number;
  /** 1 = the feature with the largest weight (in absolute value) in the component. */
  rank: number;
  feature: string;
  /** The feature's entry in the component's unit vector: its sign says the direction. */
  loading: number;
}

/** Options for {@linkcode pcaLoadings}. */
export interface PcaLoadingsOptions {
  /** The first this many components. Default 3 (at most those the PCA has). */
  components?: number;
  /** Features per component. Default 5. */
  top?: number;
}

/**
 * What the first principal components are made of: for each, the features
 * with the largest weights in absolute value, largest first (ties in
 * feature order). A component whose top loadings are all sub-categories of
 * one category stands for "spends on that category".
 *
 * @example
 * ```ts
 * import { denseMatrix } from "../../stats/dense_matrix.ts";
 * import { pca } from "../../stats/pca.ts";
 * import { pcaLoadings } from "./pca_loadings.ts";
 * const columns = ["A", "B"].map((label) => ({ key: label, category: label, subCategory: null, label }));
 * const [first] = pcaLoadings(pca(denseMatrix([[1, 0], [2, 0.1], [3, 0]])), columns, { top: 1 });
 * if (first.feature !== "A" || first.rank !== 1) throw new Error(JSON.stringify(first));
 * ```
 */
export function pcaLoadings(
  analysis: Pick<PcaResult, "loadings">,
  columns: readonly Pick<FeatureColumn, "label">[],
  options: PcaLoadingsOptions = {},
): PcaLoading[] {
  const { components = 3, top = 5 } = options;
  const rows: PcaLoading[] = [];
  analysis.loadings.slice(0, components).forEach((vector, c) => {
    const order = vector.map((_, j) => j).sort((a, b) =>
      Math.abs(vector[b]) - Math.abs(vector[a]) || a - b
    );
    order.slice(0, top).forEach((j, i) => {
      rows.push({
        component: c + 1,
        rank: i + 1,
        feature: columns[j]?.label ?? `feature ${j + 1}`,
        loading: vector[j],
      });
    });
  });
  return rows;
}
