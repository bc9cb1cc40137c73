/**
 * Predicted customer value: the BG/NBD and Gamma-Gamma models, fitted by
 * maximum likelihood, and each customer's expectations under them.
 *
 * @module
 */
export * from "./log_gamma.ts";
export * from "./hyp2f1.ts";
export * from "./minimise_bfgs.ts";
export * from "./bg_nbd.ts";
export * from "./gamma_gamma.ts";
export * from "./customer_value.ts";
export * from "./holdout_comparison.ts";
