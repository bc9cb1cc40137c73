import type { Dataset } from "../../source/dataset.ts";
import { type CategoryShareRow, categoryShares } from "./category_shares.ts";
import { dailySales, type DailySalesRow } from "./daily_sales.ts";
import { type FuelSummary, fuelSummary } from "./fuel_summary.ts";
import {
  type MonthCategoryCell,
  monthCategoryGrid,
} from "./month_category_grid.ts";
import { monthlySales, type MonthlySalesRow } from "./monthly_sales.ts";
import { type CategorySalesRow, salesByCategory } from "./sales_by_category.ts";
import { type ChannelSalesRow, salesByChannel } from "./sales_by_channel.ts";
import {
  type DepartmentSalesRow,
  salesByDepartment,
} from "./sales_by_department.ts";
import {
  type MonthOfYearSalesRow,
  salesByMonthOfYear,
} from "./sales_by_month_of_year.ts";
import {
  salesBySubCategory,
  type SubCategorySalesRow,
} from "./sales_by_sub_category.ts";
import { salesByWeekday, type WeekdaySalesRow } from "./sales_by_weekday.ts";
import { type SalesHeadline, salesHeadline } from "./sales_headline.ts";
import type { SalesOptions } from "./sales_options.ts";
import { storeSales, type StoreSalesRow } from "./store_sales.ts";
import {
  topCategoriesByRegion,
  type TopCategoryRow,
} from "./top_categories_by_region.ts";
import { type WeekdayWeekCell, weekdayWeekGrid } from "./weekday_week_grid.ts";
import {
  type WeeklyFuelPriceRow,
  weeklyFuelPrices,
} from "./weekly_fuel_prices.ts";
import { weeklySales, type WeeklySalesRow } from "./weekly_sales.ts";

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

/** Options for {@linkcode salesFigures}. */
export interface SalesFiguresOptions extends SalesOptions {
  /** Categories per region in `topCategoriesByRegion`. Default 2. */
  topN?: number;
}

/**
 * Runs every sales analysis on the same selection: what the report and the
 * sales notebook show.
 */
export async function salesFigures(
  data: Dataset,
  options: SalesFiguresOptions = {},
): Promise<SalesFigures> {
  const { topN = 2, ...selection } = options;
  const fuel = await fuelSummary(data, selection);
  return {
    headline: await salesHeadline(data, selection),
    byStore: await storeSales(data, selection),
    byDepartment: await salesByDepartment(data, selection),
    byCategory: await salesByCategory(data, selection),
    bySubCategory: await salesBySubCategory(data, selection),
    byChannel: await salesByChannel(data, selection),
    categorySharesByChannel: await categoryShares(data, {
      ...selection,
      within: "channel",
    }),
    categorySharesByRegion: await categoryShares(data, {
      ...selection,
      within: "region",
    }),
    topCategoriesByRegion: await topCategoriesByRegion(data, {
      ...selection,
      n: topN,
    }),
    daily: await dailySales(data, selection),
    weekly: await weeklySales(data, selection),
    monthly: await monthlySales(data, selection),
    monthOfYear: await salesByMonthOfYear(data, selection),
    weekday: await salesByWeekday(data, selection),
    weekdayWeekGrid: await weekdayWeekGrid(data, selection),
    monthCategoryGrid: await monthCategoryGrid(data, selection),
    fuel: fuel.saleLines > 0 ? fuel : null,
    weeklyFuelPrices: await weeklyFuelPrices(data, selection),
  };
}
