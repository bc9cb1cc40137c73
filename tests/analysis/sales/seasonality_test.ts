import { assertEquals } from "../../assert.ts";
import { createDataset } from "../../../src/source/dataset.ts";
import { salesByWeekday } from "../../../src/analysis/sales/sales_by_weekday.ts";
import { salesByMonthOfYear } from "../../../src/analysis/sales/sales_by_month_of_year.ts";
import { weekdayWeekGrid } from "../../../src/analysis/sales/weekday_week_grid.ts";
import { monthCategoryGrid } from "../../../src/analysis/sales/month_category_grid.ts";
import { line } from "../fixtures.ts";

/** Friday 1 March to Monday 11 March 2024, plus one day in 2025. */
const LINES = [
  line({ date: "2024-03-01", amount: 10 }),
  line({ date: "2024-03-04", amount: 20 }),
  line({ date: "2024-03-08", category: "Toys", amount: 30 }),
  line({ date: "2024-03-11", amount: 40 }),
];

Deno.test("salesByWeekday() averages over the calendar days of each weekday", async () => {
  const rows = await salesByWeekday(await createDataset({ sales: LINES }));
  assertEquals(
    rows.map((r) => [r.weekdayName, r.days, r.totalSales, r.averageDailySales]),
    [
      ["Mon", 2, 60, 30],
      ["Tue", 1, 0, 0],
      ["Wed", 1, 0, 0],
      ["Thu", 1, 0, 0],
      ["Fri", 2, 40, 20],
      ["Sat", 2, 0, 0],
      ["Sun", 2, 0, 0],
    ],
  );
});

Deno.test("salesByWeekday() leaves out weekdays a single day of data lacks", async () => {
  const rows = await salesByWeekday(
    await createDataset({ sales: LINES.slice(0, 1) }),
  );
  assertEquals(rows, [{
    weekday: 5,
    weekdayName: "Fri",
    days: 1,
    totalSales: 10,
    averageDailySales: 10,
  }]);
});

Deno.test("salesByMonthOfYear() adds up the same month of different years", async () => {
  const rows = await salesByMonthOfYear(
    await createDataset({
      sales: [
        line({ date: "2024-02-28", amount: 12 }),
        line({ date: "2025-03-01", amount: 20 }),
        line({ date: "2024-03-31", amount: 11 }),
      ],
    }),
  );
  assertEquals(
    rows.map((r) => [r.monthName, r.days]),
    [
      ["Jan", 31],
      ["Feb", 30],
      ["Mar", 32],
      ["Apr", 30],
      ["May", 31],
      ["Jun", 30],
      ["Jul", 31],
      ["Aug", 31],
      ["Sep", 30],
      ["Oct", 31],
      ["Nov", 30],
      ["Dec", 31],
    ],
  );
  assertEquals(rows[2].totalSales, 31);
  assertEquals(rows[2].averageDailySales, 31 / 32);
});

Deno.test("weekdayWeekGrid() places every day of the period by ISO week and weekday", async () => {
  const cells = await weekdayWeekGrid(await createDataset({ sales: LINES }));
  assertEquals(cells.length, 11);
  assertEquals(cells[0], {
    date: "2024-03-01",
    week: "2024-W09",
    weekStart: "2024-02-26",
    weekday: 5,
    weekdayName: "Fri",
    totalSales: 10,
  });
  assertEquals(
    cells.slice(3, 5).map((c) => [c.week, c.weekdayName, c.totalSales]),
    [["2024-W10", "Mon", 20], ["2024-W10", "Tue", 0]],
  );
});

Deno.test("monthCategoryGrid() fills months without a category's sales with zeros", async () => {
  const cells = await monthCategoryGrid(
    await createDataset({
      sales: [...LINES, line({ date: "2024-05-02", amount: 5 })],
    }),
  );
  assertEquals(
    cells.map((c) => [c.month, c.category, c.totalSales]),
    [
      ["2024-03", "Books", 70],
      ["2024-03", "Toys", 30],
      ["2024-04", "Books", 0],
      ["2024-04", "Toys", 0],
      ["2024-05", "Books", 5],
      ["2024-05", "Toys", 0],
    ],
  );
});

Deno.test("seasonality analyses return no rows when a filter matches nothing", async () => {
  const data = await createDataset({ sales: LINES });
  const none = { categories: ["Garden"] };
  assertEquals(await salesByWeekday(data, none), []);
  assertEquals(await salesByMonthOfYear(data, none), []);
  assertEquals(await weekdayWeekGrid(data, none), []);
  assertEquals(await monthCategoryGrid(data, none), []);
});
