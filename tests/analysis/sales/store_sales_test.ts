import { assertEquals } from "../../assert.ts";
import { createDataset } from "../../../src/source/dataset.ts";
import { storeSales } from "../../../src/analysis/sales/store_sales.ts";
import { assertClose, line } from "../fixtures.ts";

const LINES = [
  line({ date: "2024-03-04", store: "S1", city: "Leeds", amount: 100 }),
  line({ date: "2024-03-04", store: "S1", city: "Leeds", amount: 50 }),
  line({ date: "2024-03-06", store: "S1", city: "Leeds", amount: -20 }),
  line({ date: "2024-03-05", store: "S2", city: "York", amount: 80 }),
  line({ date: "2024-03-10", store: "S2", city: "York", amount: 60 }),
  line({ date: "2024-03-10", store: "S3", city: null, amount: 70 }),
  line({ date: "2024-03-10", store: null, city: null, amount: 5 }),
];

Deno.test("storeSales() averages each store's sales over the days it traded", async () => {
  const rows = await storeSales(await createDataset({ sales: LINES }));
  assertClose(rows, [
    {
      store: "S2",
      city: "York",
      totalSales: 140,
      tradingDays: 2,
      averageDailySales: 70,
    },
    {
      store: "S3",
      city: "(none)",
      totalSales: 70,
      tradingDays: 1,
      averageDailySales: 70,
    },
    {
      store: "S1",
      city: "Leeds",
      totalSales: 130,
      tradingDays: 2,
      averageDailySales: 65,
    },
    {
      store: "(none)",
      city: "(none)",
      totalSales: 5,
      tradingDays: 1,
      averageDailySales: 5,
    },
  ]);
});

Deno.test("storeSales() counts a day with only a return as a trading day", async () => {
  const rows = await storeSales(await createDataset({ sales: LINES }), {
    stores: ["S1"],
    from: "2024-03-05",
  });
  assertClose(rows, [{
    store: "S1",
    city: "Leeds",
    totalSales: -20,
    tradingDays: 1,
    averageDailySales: -20,
  }]);
});

Deno.test("storeSales() returns no rows when a filter matches nothing", async () => {
  const rows = await storeSales(await createDataset({ sales: LINES }), {
    regions: ["Atlantis"],
  });
  assertEquals(rows, []);
});
