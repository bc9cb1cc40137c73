import { assertAlmostEquals, assertEquals } from "../../assert.ts";
import {
  comparisonPeriods,
  shiftYears,
} from "../../../src/figures/sales/comparison_periods.ts";
import {
  salesComparison,
  type SalesComparisonInput,
} from "../../../src/figures/sales/sales_comparison.ts";
import {
  type SalesFigures,
  salesFiguresFromSums,
  type SalesSums,
} from "../../../src/figures/sales/sales_figures_from_sums.ts";
import {
  largestMover,
  whatChanged,
} from "../../../src/figures/sales/what_changed.ts";
import { addDays, eachDay } from "../../../src/model/calendar.ts";
import { weeklySalesChart } from "../../../src/charts/sales/weekly_sales_chart.ts";
import { numberFormats } from "../../../src/figures/format/number_formats.ts";
import { assertGoldenSvg, headlessDocument } from "../../charts/golden.ts";

/** Figures of one period with the given net sales by category, store and region. */
function figures(
  from: string,
  to: string,
  groups: { category: Record<string, number>; store?: Record<string, number> },
  days: { date: string; totalSales: number }[] = [],
): SalesFigures {
  const total = Object.values(groups.category).reduce((a, b) => a + b, 0);
  const sums = (key: string, value: number) => ({
    grossSales: value,
    returnsValue: 0,
    saleLines: 1,
    quantity: 1,
    totalSales: value,
    [key]: key,
  });
  const sumsOf: SalesSums = {
    grain: "day",
    headline: {
      period: { from, to, days: eachDay(from, to).length },
      current: {
        total,
        gross: total * 1.1,
        returned: total * 0.1,
        lines: 10,
        returnLines: 1,
        transactions: 5,
        returnTransactions: 1,
        purchaseSales: total * 1.1,
        stores: 2,
        customers: 3,
      },
      previousPeriod: null,
      previous: null,
    },
    stores: Object.entries(groups.store ?? {}).map(([store, totalSales]) => ({
      store,
      city: "(none)",
      totalSales,
      tradingDays: 1,
    })),
    byDepartment: [],
    byCategory: Object.entries(groups.category).map(([category, v]) => ({
      ...sums("x", v),
      category,
    })),
    bySubCategory: [],
    byChannel: [],
    byChannelCategory: [],
    byRegionCategory: Object.entries(groups.category).map(([category, v]) => ({
      ...sums("x", v),
      region: category === "Toys" ? "South" : "North",
      category,
    })),
    days: days.map((d) => ({ ...d, saleLines: 1 })),
    monthCategory: [],
    fuel: [],
    weeklyFuel: [],
  };
  return salesFiguresFromSums(sumsOf);
}

Deno.test("shiftYears() goes back a year, 29 February to the 28th", () => {
  assertEquals(shiftYears("2024-02-29", -1), "2023-02-28");
  assertEquals(shiftYears("2024-03-01", -1), "2023-03-01");
  assertEquals(shiftYears("2013-12-31", -1), "2012-12-31");
});

Deno.test("comparisonPeriods() compares only with periods the data reaches back to", () => {
  const period = { from: "2014-01-01", to: "2014-02-28", days: 59 };
  assertEquals(comparisonPeriods(period, "2013-11-03"), {
    previous: { from: "2013-11-03", to: "2013-12-31", days: 59 },
    yearAgo: null,
  });
  assertEquals(comparisonPeriods(period, "2013-11-04").previous, null);
  assertEquals(comparisonPeriods(period, "2013-01-01").yearAgo, {
    from: "2013-01-01",
    to: "2013-02-28",
    days: 59,
  });
  assertEquals(comparisonPeriods(null, "2001-01-01"), {
    previous: null,
    yearAgo: null,
  });
});

const NOW = figures("2024-03-01", "2024-03-31", {
  category: { Books: 120, Toys: 50, Games: 25 },
  store: { S1: 150, S2: 50 },
});
const BEFORE = figures("2024-01-30", "2024-02-29", {
  category: { Books: 100, Toys: 80, Tea: 5 },
  store: { S1: 100, S2: 85 },
});
const INPUT: SalesComparisonInput = {
  current: NOW,
  periods: {
    previous: { from: "2024-01-30", to: "2024-02-29", days: 31 },
    yearAgo: null,
  },
  previous: BEFORE,
  yearAgo: null,
  buyers: {
    current: new Map([["New customers", 20], ["Returning customers", 180]]),
    previous: new Map([["New customers", 37], ["Returning customers", 148]]),
    yearAgo: null,
  },
};

Deno.test("salesComparison() gives each figure's difference and change, and no change without earlier data", () => {
  const comparison = salesComparison(INPUT);
  const net = comparison.headline.totalSales;
  assertEquals(net.previous?.earlier, 185);
  assertEquals(net.previous?.difference, 10);
  assertAlmostEquals(net.previous!.change!, 10 / 185, 1e-12);
  assertEquals(net.yearAgo, null);
  assertEquals(comparison.yearAgoPeriod, null);
  // Every group of either period, 0 where it had no line.
  assertEquals(
    comparison.groups.category.map((g) => [g.key, g.totalSales, g.previous]),
    [["Books", 120, 100], ["Games", 25, 0], ["Tea", 0, 5], ["Toys", 50, 80]],
  );
  assertEquals(comparison.groups.category[1].previousChange, null);
  assertEquals(
    comparison.groups.region.map((g) => [g.key, g.previousDifference]),
    [["North", 40], ["South", -30]],
  );
});

Deno.test("salesComparison() ignores earlier figures for a period the data does not cover", () => {
  const comparison = salesComparison({
    ...INPUT,
    periods: { previous: null, yearAgo: null },
  });
  assertEquals(comparison.headline.totalSales.previous, null);
  assertEquals(comparison.groups.store[0].previous, null);
  assertEquals(comparison.groups.buyer[0].previous, null);
});

Deno.test("largestMover() picks the largest move in money, either way, ties to the first name", () => {
  const comparison = salesComparison(INPUT);
  // Toys -30 beats Books +20.
  assertEquals(
    largestMover(comparison.groups.category, "previous", "category")?.key,
    "Toys",
  );
  const tied = salesComparison({
    ...INPUT,
    current: figures("2024-03-01", "2024-03-31", {
      category: { Books: 130, Toys: 70 },
    }),
    previous: figures("2024-01-30", "2024-02-29", {
      category: { Books: 100, Toys: 100 },
    }),
  });
  assertEquals(
    largestMover(tied.groups.category, "previous", "category")?.key,
    "Books",
  );
  assertEquals(largestMover([], "previous", "category"), null);
});

Deno.test("whatChanged() says what moved, the returns rate and the new customers' share", () => {
  const takeaways = whatChanged(NOW, salesComparison(INPUT));
  assertEquals(takeaways.map((t) => t.kind), [
    "mover",
    "mover",
    "mover",
    "returns",
    "buyers",
  ]);
  const buyers = takeaways[4];
  if (buyers.kind !== "buyers") throw new Error("expected the buyers");
  assertEquals(buyers.newShare, 0.1);
  assertEquals(buyers.earlier, {
    newShare: 37 / 185,
    returningShare: 148 / 185,
    anonymousShare: 0,
  });
  assertEquals(
    takeaways.map((t) => t.anchor),
    [
      "chart-categories",
      "chart-stores",
      "table-regions",
      "headline",
      "table-buyers",
    ],
  );
});

/** Net sales of every day from `from` to `to`: a weekly wave, growing. */
function wave(from: string, to: string) {
  return eachDay(from, to).map((date, i) => ({
    date,
    totalSales: 1000 + 300 * Math.sin(i / 9) + 2 * i,
  }));
}

Deno.test("the weekly chart overlays last year's line when the data spans more than a year", async () => {
  const days = wave("2023-01-02", "2024-03-31");
  const current = figures("2023-01-02", "2024-03-31", {
    category: { Books: 1 },
  }, days);
  const comparison = salesComparison({
    ...INPUT,
    current,
    periods: { previous: null, yearAgo: null },
  });
  const lastYear = comparison.lastYearWeekly;
  // The weeks from 2024-01-01 on have their week of 52 weeks before.
  assertEquals(lastYear[0].weekStart, "2024-01-01");
  assertEquals(lastYear[0].lastYearWeekStart, "2023-01-02");
  assertEquals(lastYear.length, current.weekly.length - 52);
  const week = (start: string) =>
    current.weekly.find((w) => w.weekStart === start)!.totalSales;
  assertEquals(
    lastYear[3].totalSales,
    week(addDays(lastYear[3].weekStart, -364)),
  );
  const chart = weeklySalesChart(current.weekly, {
    document: headlessDocument(),
    format: numberFormats(),
    lastYear,
  });
  await assertGoldenSvg("weekly_sales-last-year", chart);
});

Deno.test("there is no last year's line within a year's data", () => {
  const days = wave("2024-01-01", "2024-03-31");
  const current = figures("2024-01-01", "2024-03-31", {
    category: { Books: 1 },
  }, days);
  const comparison = salesComparison({
    ...INPUT,
    current,
    periods: { previous: null, yearAgo: null },
  });
  assertEquals(comparison.lastYearWeekly, []);
});
