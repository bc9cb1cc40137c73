/**
 * The shape of a customer clustering: what `clusterCustomers`
 * (analysis/segments) computes and the cluster figures and charts read.
 * Types only, free of DuckDB.
 *
 * @module
 */
import type { KScore } from "../../stats/choose_k.ts";
import type { ClusterProfile } from "./cluster_profiles.ts";
import type { FeatureColumn } from "./customer_features.ts";
import type { ExplainedVariance } from "./explained_variance_rows.ts";

/** A customer on the first two principal components. */
export interface ScatterPoint {
  customerId: string;
  pc1: number;
  pc2: number;
  /** Cluster id, 1 = the largest. */
  cluster: number;
}

/**
 * Every clustered customer's cluster, as two columns rather than an object
 * per customer.
 */
export interface ClusterAssignments {
  /** The clustered customers' ids, by id. */
  customerIds: readonly string[];
  /** Each one's cluster id, 1 = the largest. */
  clusters: Uint16Array;
}

/** The result of `clusterCustomers` (plain data and typed arrays). */
export interface CustomerClusters {
  /** Number of clusters. */
  k: number;
  /** Customers clustered: those with a purchase line in the filter. */
  customers: number;
  seed: number;
  /** Whether the features are shares of each customer's spend. */
  share: boolean;
  features: FeatureColumn[];
  varianceThreshold: number;
  /** Principal components kept. */
  components: number;
  explainedVariance: ExplainedVariance[];
  /** Mean silhouette of the chosen k; null with one cluster. */
  silhouette: number | null;
  silhouetteByK: KScore[];
  /** Customers in the seeded sample k was chosen on, or null when all were used. */
  sampleSize: number | null;
  /**
   * Customers of the seeded sample the clusters were fitted on, when there
   * were too many to fit on all (every customer is then assigned to the
   * nearest centroid); absent when all were used.
   */
  fitSample?: number;
  /** Inertia of the final fit over all customers, in PCA space. */
  inertia: number;
  /** Why there is a single cluster, when there is. */
  note: string | null;
  clusters: ClusterProfile[];
  /** Every clustered customer's cluster id, by customer id. */
  assignments: ClusterAssignments;
  scatter: {
    points: ScatterPoint[];
    /** Customers in all. */
    total: number;
    /** Points kept when sampled, or null when all are there. */
    sampleSize: number | null;
  };
}
