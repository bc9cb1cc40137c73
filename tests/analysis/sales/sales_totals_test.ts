import { assertEquals } from "../../assert.ts";
import { createDataset } from "../../../src/source/dataset.ts";
import { salesByCategory } from "../../../src/analysis/sales/sales_by_category.ts";
import { salesByChannel } from "../../../src/analysis/sales/sales_by_channel.ts";
import { salesByDepartment } from "../../../src/analysis/sales/sales_by_department.ts";
import { salesBySubCategory } from "../../../src/analysis/sales/sales_by_sub_category.ts";
import { assertClose, line } from "../fixtures.ts";

const LINES = [
  line({
    date: "2024-03-04",
    channel: "Shop",
    department: "Leisure",
    category: "Books",
    sub_category: "Comics",
    quantity: 2,
    amount: 100,
  }),
  line({
    date: "2024-03-04",
    channel: "Shop",
    department: "Leisure",
    category: "Toys",
    sub_category: "Comics",
    quantity: 1,
    amount: 50,
  }),
  line({
    date: "2024-03-05",
    channel: "e-Shop",
    department: "Leisure",
    category: "Books",
    sub_category: "Fiction",
    quantity: 1,
    amount: 80,
  }),
  line({
    date: "2024-03-06",
    channel: "Shop",
    department: "Leisure",
    category: "Books",
    sub_category: "Comics",
    quantity: -1,
    amount: -30,
  }),
  line({
    date: "2024-03-06",
    channel: null,
    department: null,
    category: "Garden",
    sub_category: null,
    quantity: null,
    amount: 50,
  }),
];

Deno.test("salesByCategory() nets returns and sorts by sales, ties by name", async () => {
  const rows = await salesByCategory(await createDataset({ sales: LINES }));
  assertClose(rows, [
    {
      category: "Books",
      totalSales: 150,
      grossSales: 180,
      returnsValue: 30,
      saleLines: 3,
      quantity: 2,
      share: 0.6,
    },
    {
      category: "Garden",
      totalSales: 50,
      grossSales: 50,
      returnsValue: 0,
      saleLines: 1,
      quantity: 0,
      share: 0.2,
    },
    {
      category: "Toys",
      totalSales: 50,
      grossSales: 50,
      returnsValue: 0,
      saleLines: 1,
      quantity: 1,
      share: 0.2,
    },
  ]);
});

Deno.test("salesBySubCategory() keeps sub-categories of the same name in different categories apart", async () => {
  const rows = await salesBySubCategory(await createDataset({ sales: LINES }));
  assertEquals(
    rows.map((r) => [r.category, r.sub_category, r.totalSales]),
    [
      ["Books", "Fiction", 80],
      ["Books", "Comics", 70],
      ["Garden", "(none)", 50],
      ["Toys", "Comics", 50],
    ],
  );
});

Deno.test("salesByDepartment() labels lines without a department (none)", async () => {
  const rows = await salesByDepartment(await createDataset({ sales: LINES }));
  assertEquals(
    rows.map((r) => [r.department, r.totalSales]),
    [["Leisure", 200], ["(none)", 50]],
  );
});

Deno.test("salesByChannel() adds up to the total sales", async () => {
  const rows = await salesByChannel(await createDataset({ sales: LINES }));
  assertEquals(
    rows.map((r) => [r.channel, r.totalSales]),
    [["Shop", 120], ["e-Shop", 80], ["(none)", 50]],
  );
  assertEquals(rows.reduce((s, r) => s + r.share, 0), 1);
});

Deno.test("salesByCategory() returns no rows and no NaN when a filter matches nothing", async () => {
  const rows = await salesByCategory(await createDataset({ sales: LINES }), {
    channels: ["Catalogue"],
  });
  assertEquals(rows, []);
});

Deno.test("salesByCategory() gives shares of 0, not NaN, when sales net to zero", async () => {
  const rows = await salesByCategory(
    await createDataset({
      sales: [
        line({ date: "2024-03-04", amount: 10 }),
        line({ date: "2024-03-05", amount: -10 }),
      ],
    }),
  );
  assertClose(rows, [{
    category: "Books",
    totalSales: 0,
    grossSales: 10,
    returnsValue: 10,
    saleLines: 2,
    quantity: 2,
    share: 0,
  }]);
});
