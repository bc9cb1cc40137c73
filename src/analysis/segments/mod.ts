/**
 * Customer analyses: RFM scores, spend features and clusters over a Dataset,
 * and the scored customers' table in the engine that later analyses join.
 *
 * @module
 */
export * from "./rfm_table.ts";
export * from "./customer_features.ts";
export * from "./cluster_customers.ts";
export * from "./purchase_histories.ts";
export * from "./history_batches.ts";
export * from "./score_customers.ts";
export * from "./cluster_table.ts";
export * from "./customer_table.ts";
export * from "./with_customer_table.ts";
