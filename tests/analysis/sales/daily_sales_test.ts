import { assertEquals, assertRejects } from "../../assert.ts";
import { createDataset } from "../../../src/source/dataset.ts";
import { dailySales } from "../../../src/analysis/sales/daily_sales.ts";
import { assertClose, line } from "../fixtures.ts";

/** 10 days, 1 to 10 March 2024, with no sales on 3 March. */
const LINES = [1, 2, 4, 5, 6, 7, 8, 9, 10].flatMap((day) => [
  line({ date: `2024-03-${String(day).padStart(2, "0")}`, amount: day * 10 }),
]);

Deno.test("dailySales() lists days without sales as zeros", async () => {
  const rows = await dailySales(await createDataset({ sales: LINES }));
  assertEquals(
    rows.slice(0, 4).map((r) => [r.date, r.weekday, r.totalSales, r.saleLines]),
    [
      ["2024-03-01", 5, 10, 1],
      ["2024-03-02", 6, 20, 1],
      ["2024-03-03", 7, 0, 0],
      ["2024-03-04", 1, 40, 1],
    ],
  );
  assertEquals(rows.length, 10);
});

Deno.test("dailySales() averages the trailing 7 days, fewer at the start", async () => {
  const rows = await dailySales(await createDataset({ sales: LINES }));
  assertClose(rows.map((r) => r.movingAverage), [
    10,
    15,
    10,
    17.5,
    (10 + 20 + 40 + 50) / 5,
    (10 + 20 + 40 + 50 + 60) / 6,
    (10 + 20 + 40 + 50 + 60 + 70) / 7,
    (20 + 40 + 50 + 60 + 70 + 80) / 7,
    (40 + 50 + 60 + 70 + 80 + 90) / 7,
    (40 + 50 + 60 + 70 + 80 + 90 + 100) / 7,
  ]);
});

Deno.test("dailySales() takes another window", async () => {
  const rows = await dailySales(await createDataset({ sales: LINES }), {
    window: 2,
    from: "2024-03-02",
    to: "2024-03-04",
  });
  assertClose(rows.map((r) => r.movingAverage), [20, 10, 20]);
});

Deno.test("dailySales() gives one row for a single day of data", async () => {
  const rows = await dailySales(
    await createDataset({ sales: LINES.slice(0, 1) }),
  );
  assertClose(rows, [{
    date: "2024-03-01",
    weekday: 5,
    totalSales: 10,
    saleLines: 1,
    movingAverage: 10,
  }]);
});

Deno.test("dailySales() returns no rows for empty data", async () => {
  assertEquals(await dailySales(await createDataset({ sales: [] })), []);
});

Deno.test("dailySales() rejects a window of 0 days", async () => {
  const error = await assertRejects(
    async () =>
      dailySales(await createDataset({ sales: LINES }), { window: 0 }),
    RangeError,
  );
  assertEquals(
    error.message,
    'Cannot compute daily sales: option "window": 0 is not a positive whole number',
  );
});
