/**
 * Every sales chart, rendered from the analyses of one data set: shared by
 * the chart tests.
 */
import type { Dataset } from "../../src/source/dataset.ts";
import * as analysis from "../../src/analysis/mod.ts";
import * as charts from "../../src/charts/mod.ts";

/** Renders every sales chart of `data` with the same options. */
export async function renderSalesCharts(
  data: Dataset,
  options: charts.SalesChartOptions,
): Promise<Record<string, Element>> {
  return {
    store_sales: charts.storeSalesChart(
      await analysis.storeSales(data),
      options,
    ),
    category_sales: charts.categorySalesChart(
      await analysis.salesByCategory(data),
      options,
    ),
    channel_sales: charts.channelSalesChart(
      await analysis.salesByChannel(data),
      options,
    ),
    top_categories: charts.topCategoriesChart(
      await analysis.topCategoriesByRegion(data),
      options,
    ),
    daily_sales: charts.dailySalesChart(
      await analysis.dailySales(data),
      options,
    ),
    weekly_sales: charts.weeklySalesChart(
      await analysis.weeklySales(data),
      options,
    ),
    monthly_sales: charts.monthlySalesChart(
      await analysis.monthlySales(data),
      options,
    ),
    weekday_sales: charts.weekdaySalesChart(
      await analysis.salesByWeekday(data),
      options,
    ),
    month_of_year_sales: charts.monthOfYearSalesChart(
      await analysis.salesByMonthOfYear(data),
      options,
    ),
    weekday_week_grid: charts.weekdayWeekGridChart(
      await analysis.weekdayWeekGrid(data),
      options,
    ),
    month_category_grid: charts.monthCategoryGridChart(
      await analysis.monthCategoryGrid(data),
      options,
    ),
    fuel_price: charts.fuelPriceChart(
      await analysis.weeklyFuelPrices(data),
      options,
    ),
  };
}
