import { coveredDays } from "../../../src/figures/sales/day_totals.ts";
import { dailySalesFromDays } from "../../../src/figures/sales/series_from_days.ts";
import { assertEquals, assertThrows } from "../../assert.ts";
import {
  salesFiguresFromSums,
  type SalesSums,
} from "../../../src/figures/sales/sales_figures_from_sums.ts";

const SUMS = { grossSales: 0, returnsValue: 0, saleLines: 1, quantity: 1 };

/** Two weeks of sums, one entry per day or, at week grain, per week. */
function sums(grain: SalesSums["grain"]): SalesSums {
  const day = (date: string, totalSales: number) => ({
    date,
    totalSales,
    saleLines: 1,
  });
  return {
    grain,
    headline: {
      period: { from: "2024-03-04", to: "2024-03-17", days: 14 },
      current: {
        total: 210,
        gross: 210,
        returned: 0,
        lines: 14,
        returnLines: 0,
        transactions: 7,
        returnTransactions: 0,
        purchaseSales: 210,
        stores: 1,
        customers: null,
      },
      previousPeriod: null,
      previous: null,
    },
    stores: [{ store: "S1", city: null, totalSales: 210, tradingDays: 14 }],
    byDepartment: [],
    byCategory: [],
    bySubCategory: [],
    byChannel: [],
    byChannelCategory: [],
    byRegionCategory: [
      { region: "North", category: "Books", totalSales: 30, ...SUMS },
      { region: "North", category: "Toys", totalSales: 10, ...SUMS },
    ],
    days: grain === "day"
      ? Array.from(
        { length: 14 },
        (_, i) => day(`2024-03-${String(4 + i).padStart(2, "0")}`, 15),
      )
      : [
        { ...day("2024-03-04", 70), days: 7 },
        { ...day("2024-03-11", 140), days: 7 },
      ],
    monthCategory: [],
    fuel: [],
    weeklyFuel: [],
  };
}

Deno.test("salesFiguresFromSums() averages a basket over the transactions and a store over its trading days", () => {
  const figures = salesFiguresFromSums(sums("day"));
  assertEquals(figures.headline.averageBasket, 30);
  assertEquals(figures.byStore[0].averageDailySales, 15);
  assertEquals(figures.headline.change, null);
  assertEquals(figures.fuel, null);
});

Deno.test("salesFiguresFromSums() shares a region's sales among its categories and ranks them", () => {
  const figures = salesFiguresFromSums(sums("day"), { topN: 1 });
  assertEquals(
    figures.categorySharesByRegion.map((row) => [row.category, row.share]),
    [["Books", 0.75], ["Toys", 0.25]],
  );
  assertEquals(
    figures.topCategoriesByRegion.map((row) => row.category),
    ["Books"],
  );
});

Deno.test("salesFiguresFromSums() at week grain gives a daily row per week at its mean per day and no weekday figures", () => {
  const figures = salesFiguresFromSums(sums("week"));
  assertEquals(
    figures.daily.map((row) => [row.date, row.movingAverage]),
    [["2024-03-04", 10], ["2024-03-11", 20]],
  );
  assertEquals(figures.weekly.map((row) => row.change), [null, 1]);
  assertEquals(figures.weekday, []);
  assertEquals(figures.weekdayWeekGrid, []);
});

Deno.test("salesFiguresFromSums() rejects a topN that is not a positive whole number", () => {
  assertThrows(
    () => salesFiguresFromSums(sums("day"), { topN: 0 }),
    RangeError,
  );
});

Deno.test("coveredDays() fills gaps up to MAX_GAP_DAYS with zeros and leaves longer ones out, at either end too", () => {
  const period = { from: "2024-01-01", to: "2024-12-31", days: 366 };
  const day = (date: string) => ({ date, totalSales: 1, saleLines: 1 });
  const days = coveredDays(period, [day("2024-01-03"), day("2024-06-01")]);
  // 1-3 January, then 2024-01-04..05-31 (149 days) left out, then June to
  // December (214 days, 213 of them without sales, a trailing gap).
  assertEquals(days.length, 4);
  assertEquals(days.map((d) => d.date), [
    "2024-01-01",
    "2024-01-02",
    "2024-01-03",
    "2024-06-01",
  ]);
  assertEquals(days[3].gapBefore, 149);
  assertEquals(days[3].gapAfter, 213);
  assertEquals(
    coveredDays(period, [day("2024-04-01")], 400).length,
    366,
  );
  const rows = dailySalesFromDays(days, 7);
  assertEquals(rows[3].movingAverage, 1 / 7);
  assertEquals(rows[2].movingAverage, 1 / 3);
});
