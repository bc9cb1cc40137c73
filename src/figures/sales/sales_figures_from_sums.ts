/**
 * Every sales figure of the report for one selection of lines.
 *
 * @module
 */
import type { FuelSummary, WeeklyFuelPriceRow } from "./fuel_figures.ts";
import type {
  CategorySalesRow,
  CategoryShareRow,
  ChannelSalesRow,
  DepartmentSalesRow,
  MonthCategoryCell,
  StoreSalesRow,
  SubCategorySalesRow,
  TopCategoryRow,
} from "./grouped_totals.ts";
import type { SalesHeadline } from "./headline_from_sums.ts";
import type {
  DailySalesRow,
  MonthlySalesRow,
  MonthOfYearSalesRow,
  WeekdaySalesRow,
  WeekdayWeekCell,
  WeeklySalesRow,
} from "./series_from_days.ts";

/** Every sales figure of the report, for one selection of lines. */
export interface SalesFigures {
  headline: SalesHeadline;
  byStore: StoreSalesRow[];
  byDepartment: DepartmentSalesRow[];
  byCategory: CategorySalesRow[];
  bySubCategory: SubCategorySalesRow[];
  byChannel: ChannelSalesRow[];
  categorySharesByChannel: CategoryShareRow[];
  categorySharesByRegion: CategoryShareRow[];
  topCategoriesByRegion: TopCategoryRow[];
  daily: DailySalesRow[];
  weekly: WeeklySalesRow[];
  monthly: MonthlySalesRow[];
  monthOfYear: MonthOfYearSalesRow[];
  weekday: WeekdaySalesRow[];
  weekdayWeekGrid: WeekdayWeekCell[];
  monthCategoryGrid: MonthCategoryCell[];
  /** Null when the selection has no fuel lines. */
  fuel: FuelSummary | null;
  weeklyFuelPrices: WeeklyFuelPriceRow[];
}
