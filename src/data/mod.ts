/**
 * The data model, the built-in retail simulator and the pieces they share.
 *
 * @module
 */
export * from "./schema.ts";
export * from "./dataset.ts";
export * from "./input_error.ts";
export * from "./random.ts";
export * from "./iso_date.ts";
export * from "./us_holidays.ts";
export * from "./retail_catalog.ts";
export * from "./customer_behaviours.ts";
export * from "./simulate_stores.ts";
export * from "./simulate_customers.ts";
export * from "./fuel_prices.ts";
export * from "./simulate_sales.ts";
export * from "./simulate_retail.ts";
export * from "./format_csv.ts";
export * from "./store_sales_rows.ts";
export { type ColumnMapping, parseMapFlags } from "./column_mapping.ts";
