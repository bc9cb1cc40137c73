/**
 * Predicted customer value: the fitted models' figures for the report and
 * the notebooks (per customer, by segment and cluster, the distribution,
 * the probability-active heat map and the holdout check).
 *
 * @module
 */
export * from "./fit_value_models.ts";
export * from "./customer_values.ts";
export * from "./value_params.ts";
export * from "./value_bins.ts";
export * from "./alive_grid.ts";
export * from "./value_by_group.ts";
export * from "./holdout_figures.ts";
export * from "./value_pass.ts";
export * from "./value_figures.ts";
