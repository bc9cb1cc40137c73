/**
 * The pure step from sums to sales figures, shared by the SQL analyses and the page's script.
 *
 * @module
 */
export { relativeChange } from "./relative_change.ts";
export type { SalesFilter, SalesOptions } from "./sales_options.ts";
export type { SalesPeriod } from "./period_bounds.ts";
export type {
  HeadlineChange,
  HeadlineFigures,
  SalesHeadline,
} from "./headline_from_sums.ts";
export type {
  CategorySalesRow,
  CategoryShareRow,
  ChannelSalesRow,
  DepartmentSalesRow,
  MonthCategoryCell,
  SalesTotals,
  StoreSalesRow,
  SubCategorySalesRow,
  TopCategoryRow,
} from "./grouped_totals.ts";
export type {
  DailySalesRow,
  MonthlySalesRow,
  MonthOfYearSalesRow,
  WeekdaySalesRow,
  WeekdayWeekCell,
  WeeklySalesRow,
} from "./series_from_days.ts";
export type {
  FuelFigures,
  FuelSummary,
  FuelTypeFigures,
  WeeklyFuelPriceRow,
} from "./fuel_figures.ts";
export type * from "./sales_cube.ts";
export type { SalesFigures } from "./sales_figures_from_sums.ts";
export * from "./cube_figures.ts";
export * from "./comparison_periods.ts";
export * from "./sales_comparison.ts";
export * from "./cube_comparison.ts";
export * from "./what_changed.ts";
export * from "./period_shortcuts.ts";
