import type { Dataset } from "../../source/dataset.ts";
import type { SalesSums } from "../../figures/sales/sales_figures_from_sums.ts";
import { fuelSums } from "./fuel_summary.ts";
import { monthCategoryTotals } from "./month_category_grid.ts";
import { salesByDay } from "./sales_by_day.ts";
import { salesHeadlineSums } from "./sales_headline.ts";
import type { SalesOptions } from "./sales_options.ts";
import { salesGroupSums } from "./sales_totals.ts";
import { storeTotals } from "./store_sales.ts";
import { weeklyFuelSums } from "./weekly_fuel_prices.ts";

/**
 * The sums of the selected sale lines that every sales figure follows from,
 * summed by DuckDB: the SQL engine's half of `salesFigures`, the other half
 * being `salesFiguresFromSums` (see figures/sales). Throws a `RangeError`
 * for a date that is not `YYYY-MM-DD`.
 *
 * @example
 * ```ts
 * import { createDataset } from "../../source/dataset.ts";
 * import { salesSums } from "./sales_sums.ts";
 * const line = { date: "2024-03-01", store: "S1", city: null, region: null,
 *   channel: null, department: null, category: "Books", sub_category: null,
 *   customer_id: null, transaction_id: null, quantity: 1, amount: 30,
 *   gallons: null, fuel_type: null, fuel_price: null };
 * const sums = await salesSums(await createDataset({ sales: [line] }));
 * if (sums.byCategory[0].totalSales !== 30 || sums.days.length !== 1) {
 *   throw new Error("unexpected sums");
 * }
 * ```
 */
export async function salesSums(
  data: Dataset,
  options: SalesOptions = {},
): Promise<SalesSums> {
  const fuel = await fuelSums(data, options);
  return {
    grain: "day",
    headline: await salesHeadlineSums(data, options),
    stores: await storeTotals(data, options),
    byDepartment: await salesGroupSums(
      data,
      ["department"],
      options,
      "sales by department",
    ),
    byCategory: await salesGroupSums(
      data,
      ["category"],
      options,
      "sales by category",
    ),
    bySubCategory: await salesGroupSums(
      data,
      ["category", "sub_category"],
      options,
      "sales by sub-category",
    ),
    byChannel: await salesGroupSums(
      data,
      ["channel"],
      options,
      "sales by channel",
    ),
    byChannelCategory: await salesGroupSums(
      data,
      ["channel", "category"],
      options,
      "category shares",
    ),
    byRegionCategory: await salesGroupSums(
      data,
      ["region", "category"],
      options,
      "category shares",
    ),
    days: (await salesByDay(data, options, "daily sales")).days,
    monthCategory: await monthCategoryTotals(data, options),
    fuel,
    weeklyFuel: await weeklyFuelSums(data, options),
  };
}
