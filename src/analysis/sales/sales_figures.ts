import type { Dataset } from "../../source/dataset.ts";
import { categoryShares } from "./category_shares.ts";
import { dailySales } from "./daily_sales.ts";
import { fuelSummary } from "./fuel_summary.ts";
import { monthCategoryGrid } from "./month_category_grid.ts";
import { monthlySales } from "./monthly_sales.ts";
import { salesByCategory } from "./sales_by_category.ts";
import { salesByChannel } from "./sales_by_channel.ts";
import { salesByDepartment } from "./sales_by_department.ts";
import { salesByMonthOfYear } from "./sales_by_month_of_year.ts";
import { salesBySubCategory } from "./sales_by_sub_category.ts";
import { salesByWeekday } from "./sales_by_weekday.ts";
import { salesHeadline } from "./sales_headline.ts";
import type { SalesOptions } from "./sales_options.ts";
import { storeSales } from "./store_sales.ts";
import { topCategoriesByRegion } from "./top_categories_by_region.ts";
import { weekdayWeekGrid } from "./weekday_week_grid.ts";
import { weeklyFuelPrices } from "./weekly_fuel_prices.ts";
import { weeklySales } from "./weekly_sales.ts";
import type { SalesFigures } from "../../figures/sales/sales_figures_from_sums.ts";

export type { SalesFigures } from "../../figures/sales/sales_figures_from_sums.ts";

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
