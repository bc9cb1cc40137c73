/**
 * The shape of the customer feature matrix: what `customerFeatures`
 * (analysis/segments) computes with SQL and the cluster figures read. Types
 * only, free of DuckDB.
 *
 * @module
 */
import type { DenseMatrix } from "../../stats/dense_matrix.ts";

/** One feature: a (category, sub-category) pair. */
export interface FeatureColumn {
  /** `category` and `sub_category` joined by " / ": unique, since sub-category names repeat across categories. */
  key: string;
  category: string;
  subCategory: string | null;
  /** A readable name: "Books: Comics", or the category alone. */
  label: string;
}

/** What each customer buys: one row per customer, one column per sub-category. */
export interface CustomerFeatures {
  columns: FeatureColumn[];
  /** Row order of the matrices, by customer id. */
  customerIds: string[];
  /** Net spend per customer and sub-category (purchases minus returns). */
  spend: DenseMatrix;
  /** The clustering features: `spend`, or shares of each customer's net spend. */
  features: DenseMatrix;
  share: boolean;
}
