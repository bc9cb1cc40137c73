/**
 * Observable Plot charts of the sales figures.
 *
 * @module
 */
export { type SalesChartOptions } from "./sales_chart_options.ts";
export * from "./store_sales_chart.ts";
export * from "./category_sales_chart.ts";
export * from "./channel_sales_chart.ts";
export * from "./top_categories_chart.ts";
export * from "./daily_sales_chart.ts";
export * from "./weekly_sales_chart.ts";
export * from "./monthly_sales_chart.ts";
export * from "./weekday_sales_chart.ts";
export * from "./month_of_year_sales_chart.ts";
export * from "./weekday_week_grid_chart.ts";
export * from "./month_category_grid_chart.ts";
export * from "./fuel_price_chart.ts";
