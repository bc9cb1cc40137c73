/**
 * The built-in simulated retail chain and its writers (CSV, Parquet).
 *
 * @module
 */
export * from "./random.ts";
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
export * from "./write_simulation.ts";
export * from "./progress_reporter.ts";
export * from "./text_file_writer.ts";
