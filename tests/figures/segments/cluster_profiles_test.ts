import { assertAlmostEquals, assertEquals } from "../../assert.ts";
import {
  clusterName,
  clusterProfiles,
} from "../../../src/figures/segments/cluster_profiles.ts";
import { ageBand } from "../../../src/figures/segments/age_band.ts";

const COLUMNS = ["Comics", "DIY", "Fiction"].map((sub) => ({
  key: `Books / ${sub}`,
  category: "Books",
  subCategory: sub,
  label: `Books: ${sub}`,
}));

function features(rows: number[][]) {
  return {
    columns: COLUMNS,
    customerIds: rows.map((_, i) => `c${i}`),
    spend: {
      rows: rows.length,
      cols: 3,
      values: Float64Array.from(rows.flat()),
    },
  };
}

Deno.test("clusterProfiles() measures lift as the cluster's spend share over everyone's", () => {
  const [first, second] = clusterProfiles({
    features: features([[60, 20, 20], [40, 40, 20], [0, 50, 50]]),
    labels: [0, 0, 1],
    k: 2,
  });
  // Everyone: 100 / 300 on comics; cluster 1: 100 / 200.
  assertAlmostEquals(first.lift[0]!, (100 / 200) / (100 / 300), 1e-12);
  assertEquals(first.topSubCategories.map((t) => t.label), ["Books: Comics"]);
  assertEquals(first.name, "Comics");
  // DIY over-indexes (1.36) too little to name the cluster.
  assertEquals(second.topSubCategories.map((t) => t.label), [
    "Books: Fiction",
    "Books: DIY",
  ]);
  assertEquals(second.name, "Fiction");
  assertEquals([first.size, first.revenue, first.averageSpend], [2, 200, 100]);
});

Deno.test("clusterProfiles() tells apart clusters that would share a name", () => {
  const profiles = clusterProfiles({
    features: features([[10, 0, 0], [10, 0, 0], [0, 0, 5], [0, 5, 0]]),
    labels: [0, 1, 2, 3],
    k: 4,
  });
  assertEquals(profiles.map((p) => p.name), [
    "Comics (cluster 1)",
    "Comics (cluster 2)",
    "Fiction",
    "DIY",
  ]);
});

Deno.test("clusterProfiles() has no lift for a sub-category nobody bought", () => {
  const [profile] = clusterProfiles({
    features: features([[10, 0, 0], [5, 5, 0]]),
    labels: [0, 0],
    k: 1,
  });
  assertEquals(profile.lift[2], null);
  assertEquals(profile.name, "Mixed baskets");
});

Deno.test("ageBand() counts whole years to the as-of date", () => {
  assertEquals(ageBand("1980-02-29", "2024-02-28"), "35–44");
  assertEquals(ageBand("1959-03-01", "2024-03-01"), "65 and over");
  assertEquals(ageBand("1959-03-02", "2024-03-01"), "55–64");
  assertEquals(ageBand(null, "2024-03-01"), "Unknown");
  assertEquals(ageBand("2030-01-01", "2024-03-01"), "Unknown");
});

Deno.test("clusterName() speaks shop language and falls back to Mixed baskets", () => {
  const columns = [
    { label: "Books: Fiction", category: "Books", subCategory: "Fiction" },
    { label: "Books: Comics", category: "Books", subCategory: "Comics" },
    { label: "Books: DIY", category: "Books", subCategory: "DIY" },
    { label: "Books: Children", category: "Books", subCategory: "Children" },
    { label: "Footwear: Mens", category: "Footwear", subCategory: "Mens" },
    { label: "Footwear: Women", category: "Footwear", subCategory: "Women" },
    { label: "Fuel", category: "Fuel", subCategory: null },
  ];
  const lift = (label: string, value: number) => ({ label, lift: value });
  assertEquals(
    clusterName([lift("Books: Fiction", 3), lift("Books: Comics", 2)], columns),
    "Fiction & comics",
  );
  assertEquals(
    clusterName([lift("Fuel", 3), lift("Footwear: Mens", 2)], columns),
    "Fuel & men's footwear",
  );
  assertEquals(
    clusterName(
      [lift("Footwear: Mens", 3), lift("Books: Children", 2)],
      columns,
    ),
    "Men's footwear & children's books",
  );
  assertEquals(
    clusterName(
      [lift("Footwear: Women", 3), lift("Footwear: Mens", 2)],
      columns,
    ),
    "Women's & men's footwear",
  );
  assertEquals(
    clusterName([lift("Books: Comics", 3), lift("Books: DIY", 2)], columns),
    "Comics & DIY",
  );
  assertEquals(clusterName([lift("Fuel", 1.4)], columns), "Mixed baskets");
  assertEquals(clusterName([], columns), "Mixed baskets");
});
