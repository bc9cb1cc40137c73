import { assertEquals, assertRejects } from "../../assert.ts";
import { createDataset } from "../../../src/source/dataset.ts";
import { categoryShares } from "../../../src/analysis/sales/category_shares.ts";
import { topCategoriesByRegion } from "../../../src/analysis/sales/top_categories_by_region.ts";
import { line } from "../fixtures.ts";

const LINES = [
  line({
    date: "2024-03-04",
    region: "North",
    channel: "Shop",
    category: "Books",
    amount: 60,
  }),
  line({
    date: "2024-03-04",
    region: "North",
    channel: "Shop",
    category: "Toys",
    amount: 20,
  }),
  line({
    date: "2024-03-04",
    region: "North",
    channel: "e-Shop",
    category: "Garden",
    amount: 20,
  }),
  line({
    date: "2024-03-05",
    region: "South",
    channel: "e-Shop",
    category: "Toys",
    amount: 30,
  }),
  line({
    date: "2024-03-05",
    region: "South",
    channel: "e-Shop",
    category: "Books",
    amount: 30,
  }),
  line({
    date: "2024-03-05",
    region: "South",
    channel: "Shop",
    category: "Garden",
    amount: 40,
  }),
  line({
    date: "2024-03-05",
    region: null,
    channel: "Shop",
    category: "Books",
    amount: 10,
  }),
];

Deno.test("categoryShares() gives each category's share of its region", async () => {
  const rows = await categoryShares(await createDataset({ sales: LINES }), {
    within: "region",
  });
  assertEquals(
    rows.map((r) => [r.group, r.category, r.totalSales, r.groupSales, r.share]),
    [
      ["(none)", "Books", 10, 10, 1],
      ["North", "Books", 60, 100, 0.6],
      ["North", "Garden", 20, 100, 0.2],
      ["North", "Toys", 20, 100, 0.2],
      ["South", "Garden", 40, 100, 0.4],
      ["South", "Books", 30, 100, 0.3],
      ["South", "Toys", 30, 100, 0.3],
    ],
  );
});

Deno.test("categoryShares() gives each category's share of its channel", async () => {
  const rows = await categoryShares(await createDataset({ sales: LINES }), {
    within: "channel",
  });
  assertEquals(
    rows.map((r) => [r.group, r.category, r.share]),
    [
      ["Shop", "Books", 70 / 130],
      ["Shop", "Garden", 40 / 130],
      ["Shop", "Toys", 20 / 130],
      ["e-Shop", "Books", 0.375],
      ["e-Shop", "Toys", 0.375],
      ["e-Shop", "Garden", 0.25],
    ],
  );
});

Deno.test("categoryShares() rejects an unknown grouping", async () => {
  const error = await assertRejects(
    async () =>
      categoryShares(await createDataset({ sales: LINES }), {
        within: "store" as "region",
      }),
    RangeError,
  );
  assertEquals(
    error.message,
    'Cannot compute category shares: option "within": "store" is not "channel" or "region"',
  );
});

Deno.test("topCategoriesByRegion() keeps the two best categories of each region, ties by name", async () => {
  const rows = await topCategoriesByRegion(
    await createDataset({ sales: LINES }),
  );
  assertEquals(
    rows.map((r) => [r.region, r.rank, r.category, r.totalSales, r.share]),
    [
      ["(none)", 1, "Books", 10, 1],
      ["North", 1, "Books", 60, 0.6],
      ["North", 2, "Garden", 20, 0.2],
      ["South", 1, "Garden", 40, 0.4],
      ["South", 2, "Books", 30, 0.3],
    ],
  );
});

Deno.test("topCategoriesByRegion() takes n and the filters", async () => {
  const rows = await topCategoriesByRegion(
    await createDataset({ sales: LINES }),
    { n: 1, channels: ["e-Shop"] },
  );
  assertEquals(
    rows.map((r) => [r.region, r.category, r.totalSales]),
    [["North", "Garden", 20], ["South", "Books", 30]],
  );
});

Deno.test("topCategoriesByRegion() rejects n below 1", async () => {
  const error = await assertRejects(
    async () =>
      topCategoriesByRegion(await createDataset({ sales: LINES }), { n: 0 }),
    RangeError,
  );
  assertEquals(
    error.message,
    'Cannot compute top categories by region: option "n": 0 is not a positive whole number',
  );
});
