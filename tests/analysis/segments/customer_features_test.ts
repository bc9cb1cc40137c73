import { assertEquals } from "../../assert.ts";
import { createDataset } from "../../../src/source/dataset.ts";
import { customerFeatures } from "../../../src/analysis/segments/customer_features.ts";
import { matrixRows } from "../../../src/stats/dense_matrix.ts";
import { saleLine } from "../sale_line.ts";

const SALES = [
  saleLine({
    customer_id: "A",
    category: "Clothing",
    sub_category: "Mens",
    amount: 30,
  }),
  saleLine({
    customer_id: "A",
    category: "Footwear",
    sub_category: "Mens",
    amount: 10,
  }),
  saleLine({
    customer_id: "A",
    category: "Footwear",
    sub_category: "Mens",
    amount: -5,
  }),
  saleLine({
    customer_id: "B",
    category: "Footwear",
    sub_category: "Mens",
    amount: 20,
  }),
  // Returns only: not clustered.
  saleLine({
    customer_id: "C",
    category: "Clothing",
    sub_category: "Mens",
    amount: -8,
  }),
  // Bought by nobody with an id: an all-zero column.
  saleLine({
    customer_id: null,
    category: "Books",
    sub_category: "Comics",
    amount: 4,
  }),
  saleLine({
    customer_id: "B",
    category: "Fuel",
    sub_category: null,
    amount: 50,
    date: "2024-02-01",
  }),
];

Deno.test("customerFeatures() keys sub-categories by category, since names repeat", async () => {
  const features = await customerFeatures(
    await createDataset({ sales: SALES }),
  );
  assertEquals(features.columns.map((c) => c.label), [
    "Books: Comics",
    "Clothing: Mens",
    "Footwear: Mens",
    "Fuel",
  ]);
  assertEquals(new Set(features.columns.map((c) => c.key)).size, 4);
});

Deno.test("customerFeatures() sums net spend per customer and sub-category, buyers only", async () => {
  const features = await customerFeatures(
    await createDataset({ sales: SALES }),
  );
  assertEquals(features.customerIds, ["A", "B"]);
  assertEquals(matrixRows(features.features), [[0, 30, 5, 0], [0, 0, 20, 50]]);
  assertEquals(features.features, features.spend);
});

Deno.test("customerFeatures() gives shares of each customer's net spend on request", async () => {
  const features = await customerFeatures(
    await createDataset({ sales: SALES }),
    { share: true },
  );
  assertEquals(matrixRows(features.features), [[0, 30 / 35, 5 / 35, 0], [
    0,
    0,
    20 / 70,
    50 / 70,
  ]]);
  assertEquals(matrixRows(features.spend), [[0, 30, 5, 0], [0, 0, 20, 50]]);
});

Deno.test("customerFeatures() follows the sales filter", async () => {
  const features = await customerFeatures(
    await createDataset({ sales: SALES }),
    { to: "2024-01-31", categories: ["Footwear"] },
  );
  assertEquals(features.columns.map((c) => c.label), ["Footwear: Mens"]);
  assertEquals(matrixRows(features.features), [[5], [20]]);
});
