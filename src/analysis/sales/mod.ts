/**
 * Sales analyses: SQL over a Dataset, finished by figures/sales.
 *
 * @module
 */
export * from "./sales_filter.ts";
export { type SalesOptions } from "./sales_options.ts";
export { type SalesPeriod, salesPeriod } from "./sales_period.ts";
export * from "./sales_headline.ts";
export * from "./store_sales.ts";
export { type SalesTotals } from "./sales_totals.ts";
export * from "./sales_by_department.ts";
export * from "./sales_by_category.ts";
export * from "./sales_by_sub_category.ts";
export * from "./sales_by_channel.ts";
export * from "./category_shares.ts";
export * from "./top_categories_by_region.ts";
export * from "./daily_sales.ts";
export * from "./weekly_sales.ts";
export * from "./monthly_sales.ts";
export * from "./sales_by_month_of_year.ts";
export * from "./sales_by_weekday.ts";
export * from "./weekday_week_grid.ts";
export * from "./month_category_grid.ts";
export {
  type FuelFigures,
  type FuelSummary,
  fuelSummary,
  type FuelTypeFigures,
} from "./fuel_summary.ts";
export * from "./weekly_fuel_prices.ts";
