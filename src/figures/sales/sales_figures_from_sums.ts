/**
 * Every sales figure of the report, from the sums of a selection of lines:
 * the one definition of each figure (net sales, shares, the average basket,
 * moving averages, averages per trading day or calendar day, the fuel
 * price...).
 *
 * Two engines compute the sums, and both finish here. `salesSums`
 * (analysis/sales) sums the sale lines with SQL in DuckDB: it serves the
 * notebooks, the command line's filters and the report's first view.
 * `cubeFigures` sums the cells of the report's cube in the browser, so that
 * the page recomputes every figure under any filter its reader picks,
 * offline, without the lines. Both exist because the page has neither
 * DuckDB nor the lines, and the notebooks need exact figures for any
 * filter (sub-categories, distinct customers) that the cube cannot give.
 * Neither engine computes a figure: each only sums, so the two cannot
 * disagree on a formula; `tests/figures/sales/cube_figures_test.ts` checks
 * that their sums agree.
 *
 * @module
 */
import type { DayTotals } from "./day_totals.ts";
import {
  type FuelSummary,
  fuelSummaryFromTypes,
  type FuelSums,
  type WeeklyFuelPriceRow,
  weeklyFuelPricesFromSums,
} from "./fuel_figures.ts";
import {
  type CategorySalesRow,
  type CategoryShareRow,
  categorySharesFromTotals,
  type ChannelSalesRow,
  type DepartmentSalesRow,
  type GroupSums,
  type MonthCategoryCell,
  monthCategoryGridFromTotals,
  salesTotalsFromSums,
  storeSalesFromTotals,
  type StoreSalesRow,
  type StoreTotals,
  type SubCategorySalesRow,
  topCategoriesFromTotals,
  type TopCategoryRow,
} from "./grouped_totals.ts";
import {
  headlineFromSums,
  type HeadlineSumsByPeriod,
  type SalesHeadline,
} from "./headline_from_sums.ts";
import type { CubeGrain } from "./sales_cube.ts";
import {
  dailySalesFromDays,
  dailySalesFromPeriods,
  type DailySalesRow,
  monthlySalesFromDays,
  type MonthlySalesRow,
  type MonthOfYearSalesRow,
  salesByMonthOfYearFromDays,
  salesByWeekdayFromDays,
  type WeekdaySalesRow,
  type WeekdayWeekCell,
  weekdayWeekGridFromDays,
  weeklySalesFromDays,
  type WeeklySalesRow,
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

/** Sums of the groups keyed by the columns `K`. */
export type KeyedSums<K extends string> = (Record<K, string> & GroupSums)[];

/** The sums of a selection of lines that every sales figure follows from. */
export interface SalesSums {
  /**
   * What one entry of `days` stands for: "day" for the SQL analyses and a
   * day cube; "week" or "month" for a cube coarsened to fit its budget.
   */
  grain: CubeGrain;
  /** The headline's sums, with the period covered. */
  headline: HeadlineSumsByPeriod;
  /** Net sales and trading days of every store with a line. */
  stores: StoreTotals[];
  byDepartment: KeyedSums<"department">;
  byCategory: KeyedSums<"category">;
  /** Empty when the engine has no sub-categories (the cube). */
  bySubCategory: KeyedSums<"category" | "sub_category">;
  byChannel: KeyedSums<"channel">;
  byChannelCategory: KeyedSums<"channel" | "category">;
  byRegionCategory: KeyedSums<"region" | "category">;
  /**
   * The calendar days of the period in date order, zeros included, but for
   * gaps of more than `MAX_GAP_DAYS` days without lines (see
   * `coveredDays`); at a coarser grain one entry per week or month (see
   * `DayTotals.days`), long gaps left out likewise.
   */
  days: DayTotals[];
  /** Net sales by month (`YYYY-MM`) and category, where there are lines. */
  monthCategory: MonthCategoryCell[];
  /** The fuel lines' sums by fuel type. */
  fuel: FuelSums[];
  /** The fuel lines' sums by week (its Monday) and fuel type. */
  weeklyFuel: (FuelSums & { weekStart: string })[];
}

/** Options for {@linkcode salesFiguresFromSums}. */
export interface SalesFiguresFromSumsOptions {
  /** Categories per region in `topCategoriesByRegion`. Default 2. */
  topN?: number;
}

/**
 * Every sales figure from the sums of a selection (see the module's notes).
 * At a grain coarser than days, `daily` has one row per week or month and
 * `weekday` and `weekdayWeekGrid` are empty. Throws a `RangeError` for a
 * `topN` that is not a positive whole number.
 *
 * @example
 * ```ts
 * import { salesFiguresFromSums } from "./sales_figures_from_sums.ts";
 * const sums = { grossSales: 40, returnsValue: 0, saleLines: 2, quantity: 2 };
 * const figures = salesFiguresFromSums({
 *   grain: "day",
 *   headline: { period: { from: "2024-03-01", to: "2024-03-01", days: 1 },
 *     current: { total: 40, gross: 40, returned: 0, lines: 2, returnLines: 0,
 *       transactions: 1, returnTransactions: 0, purchaseSales: 40, stores: 1,
 *       customers: 1 },
 *     previousPeriod: null, previous: null },
 *   stores: [{ store: "S1", city: "Leeds", totalSales: 40, tradingDays: 1 }],
 *   byDepartment: [], byCategory: [{ category: "Books", totalSales: 40, ...sums }],
 *   bySubCategory: [], byChannel: [], byChannelCategory: [],
 *   byRegionCategory: [],
 *   days: [{ date: "2024-03-01", totalSales: 40, saleLines: 2 }],
 *   monthCategory: [], fuel: [], weeklyFuel: [],
 * });
 * if (figures.headline.averageBasket !== 40 || figures.byCategory[0].share !== 1) {
 *   throw new Error("unexpected figures");
 * }
 * ```
 */
export function salesFiguresFromSums(
  sums: SalesSums,
  options: SalesFiguresFromSumsOptions = {},
): SalesFigures {
  const { topN = 2 } = options;
  const { days } = sums;
  const day = sums.grain === "day";
  const regionCategory = salesTotalsFromSums(sums.byRegionCategory, [
    "region",
    "category",
  ]);
  const fuel = fuelSummaryFromTypes(sums.fuel);
  return {
    headline: headlineFromSums(sums.headline),
    byStore: storeSalesFromTotals(sums.stores),
    byDepartment: salesTotalsFromSums(sums.byDepartment, ["department"]),
    byCategory: salesTotalsFromSums(sums.byCategory, ["category"]),
    bySubCategory: salesTotalsFromSums(sums.bySubCategory, [
      "category",
      "sub_category",
    ]),
    byChannel: salesTotalsFromSums(sums.byChannel, ["channel"]),
    categorySharesByChannel: categorySharesFromTotals(
      salesTotalsFromSums(sums.byChannelCategory, ["channel", "category"]),
      "channel",
    ),
    categorySharesByRegion: categorySharesFromTotals(regionCategory, "region"),
    topCategoriesByRegion: topCategoriesFromTotals(regionCategory, topN),
    daily: day ? dailySalesFromDays(days, 7) : dailySalesFromPeriods(days),
    weekly: weeklySalesFromDays(days),
    monthly: monthlySalesFromDays(days),
    monthOfYear: salesByMonthOfYearFromDays(days),
    weekday: day ? salesByWeekdayFromDays(days) : [],
    weekdayWeekGrid: day ? weekdayWeekGridFromDays(days) : [],
    monthCategoryGrid: monthCategoryGridFromTotals(
      [...new Set(days.map((d) => d.date.slice(0, 7)))],
      sums.monthCategory,
    ),
    fuel: fuel.saleLines > 0 ? fuel : null,
    weeklyFuelPrices: weeklyFuelPricesFromSums(sums.weeklyFuel),
  };
}
