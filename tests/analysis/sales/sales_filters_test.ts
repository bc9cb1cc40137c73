/**
 * Every sales analysis must give, for a filter, the same answer as on data
 * that holds only the lines the filter keeps.
 */
import { createDataset, type Dataset } from "../../../src/source/dataset.ts";
import type { SaleLine } from "../../../src/model/schema.ts";
import type { SalesOptions } from "../../../src/figures/sales/sales_options.ts";
import { salesHeadline } from "../../../src/analysis/sales/sales_headline.ts";
import { storeSales } from "../../../src/analysis/sales/store_sales.ts";
import { salesByCategory } from "../../../src/analysis/sales/sales_by_category.ts";
import { salesByChannel } from "../../../src/analysis/sales/sales_by_channel.ts";
import { salesByDepartment } from "../../../src/analysis/sales/sales_by_department.ts";
import { salesBySubCategory } from "../../../src/analysis/sales/sales_by_sub_category.ts";
import { categoryShares } from "../../../src/analysis/sales/category_shares.ts";
import { topCategoriesByRegion } from "../../../src/analysis/sales/top_categories_by_region.ts";
import { dailySales } from "../../../src/analysis/sales/daily_sales.ts";
import { weeklySales } from "../../../src/analysis/sales/weekly_sales.ts";
import { monthlySales } from "../../../src/analysis/sales/monthly_sales.ts";
import { salesByWeekday } from "../../../src/analysis/sales/sales_by_weekday.ts";
import { salesByMonthOfYear } from "../../../src/analysis/sales/sales_by_month_of_year.ts";
import { weekdayWeekGrid } from "../../../src/analysis/sales/weekday_week_grid.ts";
import { monthCategoryGrid } from "../../../src/analysis/sales/month_category_grid.ts";
import { fuelSummary } from "../../../src/analysis/sales/fuel_summary.ts";
import { weeklyFuelPrices } from "../../../src/analysis/sales/weekly_fuel_prices.ts";
import { assertClose, syntheticSales } from "../fixtures.ts";

const ANALYSES: Record<
  string,
  (data: Dataset, options: SalesOptions) => Promise<unknown>
> = {
  storeSales,
  salesByCategory,
  salesByChannel,
  salesByDepartment,
  salesBySubCategory,
  categorySharesByChannel: (d, o) =>
    categoryShares(d, { ...o, within: "channel" }),
  categorySharesByRegion: (d, o) =>
    categoryShares(d, { ...o, within: "region" }),
  topCategoriesByRegion,
  dailySales,
  weeklySales,
  monthlySales,
  salesByWeekday,
  salesByMonthOfYear,
  weekdayWeekGrid,
  monthCategoryGrid,
  fuelSummary,
  weeklyFuelPrices,
  headlineWithoutComparison: async (d, o) => {
    const { previousPeriod: _p, previous: _q, change: _c, ...rest } =
      await salesHeadline(d, o);
    return rest;
  },
};

const FILTERS: Record<string, SalesOptions> = {
  categories: { categories: ["Books", "Fuel"] },
  regions: { regions: ["North"] },
  stores: { stores: ["S3", "S4"] },
  channels: { channels: ["e-Shop"] },
  customers: { customers: ["C1", "C2", "C3", "C5", "C8", "C13"] },
  dates: { from: "2024-01-10", to: "2024-02-20" },
  "as of": { asOf: "2024-03-15" },
  "several at once": {
    categories: ["Toys", "Fuel"],
    channels: ["Shop", "Forecourt"],
    from: "2024-01-31",
    to: "2024-03-01",
  },
};

function keeps(line: SaleLine, filter: SalesOptions): boolean {
  const inList = (list: readonly string[] | undefined, value: string | null) =>
    !list || list.length === 0 || (value !== null && list.includes(value));
  const to = [filter.to, filter.asOf].filter(Boolean).sort()[0];
  return inList(filter.categories, line.category) &&
    inList(filter.regions, line.region) &&
    inList(filter.stores, line.store) &&
    inList(filter.channels, line.channel) &&
    inList(filter.customers, line.customer_id) &&
    (!filter.from || line.date >= filter.from) &&
    (!to || line.date <= to);
}

const LINES = syntheticSales(2000);
const full = await createDataset({ sales: LINES });

for (const [name, filter] of Object.entries(FILTERS)) {
  Deno.test(`every sales analysis filtered by ${name} equals the analysis of the filtered lines`, async () => {
    const kept = LINES.filter((line) => keeps(line, filter));
    if (kept.length === 0 || kept.length === LINES.length) {
      throw new Error(`Filter "${name}" should keep some lines, not all`);
    }
    const filtered = await createDataset({ sales: kept });
    for (const [analysis, run] of Object.entries(ANALYSES)) {
      assertClose(
        await run(full, filter),
        await run(filtered, {}),
        `${analysis}(${name})`,
      );
    }
  });
}

Deno.test("salesHeadline() filtered by store equals the headline of that store's lines, previous period included", async () => {
  const filter = { stores: ["S2"], from: "2024-02-01", to: "2024-02-29" };
  const filtered = await createDataset({
    sales: LINES.filter((line) => line.store === "S2"),
  });
  const expected = await salesHeadline(filtered, {
    from: filter.from,
    to: filter.to,
  });
  if (expected.previous === null) throw new Error("expected a previous period");
  assertClose(await salesHeadline(full, filter), expected);
});
