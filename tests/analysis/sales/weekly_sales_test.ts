import { assertEquals } from "../../assert.ts";
import { createDataset } from "../../../src/source/dataset.ts";
import { weeklySales } from "../../../src/analysis/sales/weekly_sales.ts";
import { monthlySales } from "../../../src/analysis/sales/monthly_sales.ts";
import { line } from "../fixtures.ts";

/** Sunday 31 Dec 2023 to Tuesday 23 Jan 2024; store S2 closed in week 2. */
const LINES = [
  line({ date: "2023-12-31", store: "S1", amount: 10 }),
  line({ date: "2024-01-01", store: "S1", amount: 20 }),
  line({ date: "2024-01-07", store: "S2", amount: 30 }),
  line({ date: "2024-01-08", store: "S1", amount: 25 }),
  line({ date: "2024-01-23", store: "S2", amount: 40 }),
];

Deno.test("weeklySales() sums ISO weeks from Monday and lists empty weeks", async () => {
  const rows = await weeklySales(await createDataset({ sales: LINES }));
  assertEquals(
    rows.map((r) => [r.week, r.weekStart, r.days, r.totalSales, r.change]),
    [
      ["2023-W52", "2023-12-25", 1, 10, null],
      ["2024-W01", "2024-01-01", 7, 50, 4],
      ["2024-W02", "2024-01-08", 7, 25, -0.5],
      ["2024-W03", "2024-01-15", 7, 0, -1],
      ["2024-W04", "2024-01-22", 2, 40, null],
    ],
  );
});

Deno.test("weeklySales() lists a store's week without sales as zero", async () => {
  const rows = await weeklySales(await createDataset({ sales: LINES }), {
    stores: ["S2"],
  });
  assertEquals(
    rows.map((r) => [r.week, r.totalSales, r.saleLines]),
    [["2024-W01", 30, 1], ["2024-W02", 0, 0], ["2024-W03", 0, 0], [
      "2024-W04",
      40,
      1,
    ]],
  );
});

Deno.test("monthlySales() gives calendar months with the change month over month", async () => {
  const rows = await monthlySales(await createDataset({ sales: LINES }));
  assertEquals(
    rows.map((r) => [r.month, r.days, r.totalSales, r.saleLines, r.change]),
    [["2023-12", 1, 10, 1, null], ["2024-01", 23, 115, 4, 10.5]],
  );
});

Deno.test("weeklySales() and monthlySales() return no rows for empty data", async () => {
  const data = await createDataset({ sales: [] });
  assertEquals(await weeklySales(data), []);
  assertEquals(await monthlySales(data), []);
});
