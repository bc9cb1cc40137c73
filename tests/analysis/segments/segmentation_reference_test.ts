/**
 * Basket's segmentation of the real retail data set, loaded through
 * loadSource, against pandas and scikit-learn: the numbers in
 * tests/reference/segmentation_kaggle.json, written by
 * tests/reference/segmentation_kaggle.py from the raw CSVs.
 */
import {
  assertAlmostEquals,
  assertEquals,
  assertOk,
  assertRejects,
} from "../../assert.ts";
import { loadSource } from "../../../src/source/load_source.ts";
import { rfmTable } from "../../../src/analysis/segments/rfm_table.ts";
import { customerFeatures } from "../../../src/analysis/segments/customer_features.ts";
import { clusterCustomers } from "../../../src/analysis/segments/cluster_customers.ts";
import { pca } from "../../../src/stats/pca.ts";
import { silhouetteScores } from "../../../src/stats/silhouette.ts";
import { standardise } from "../../../src/stats/standardise.ts";
import { closeDataset, queryRows } from "../../../src/source/dataset.ts";

const KAGGLE = Deno.env.get("BASKET_KAGGLE_DIR") ??
  new URL("../../../../shared/datasets/retail-kaggle/", import.meta.url)
    .pathname;

interface Reference {
  seed: number;
  varianceThreshold: number;
  rfm: {
    asOf: string;
    customerId: string[];
    lastPurchase: string[];
    recency: number[];
    frequency: number[];
    monetary: number[];
    quantile: Record<
      "recencyScore" | "frequencyScore" | "monetaryScore",
      string
    >;
    rank: Record<"recencyScore" | "frequencyScore" | "monetaryScore", string>;
  };
  features: { columns: string[]; cells: [number, number, number][] };
  explainedVarianceRatio: number[];
  components: number;
  kmeans: { k: number; inertia: number; labels: string; silhouette: number }[];
}

const reference: Reference = JSON.parse(
  await Deno.readTextFile(
    new URL("../../reference/segmentation_kaggle.json", import.meta.url),
  ),
);

const { dataset } = await loadSource({ path: KAGGLE });

Deno.test("rfmTable() matches pandas for every customer of the real data set", async () => {
  const table = await rfmTable(dataset);
  const ref = reference.rfm;
  assertEquals(table.asOf, ref.asOf);
  assertEquals(table.rows.map((r) => r.customerId), ref.customerId);
  assertEquals(table.rows.map((r) => r.lastPurchase), ref.lastPurchase);
  assertEquals(table.rows.map((r) => r.recency), ref.recency);
  assertEquals(table.rows.map((r) => r.frequency), ref.frequency);
  assertEquals(table.rows.map((r) => r.monetary), ref.monetary);
  assertEquals(table.excluded.returnOnlyCustomers, 0);
});

for (const ties of ["quantile", "rank"] as const) {
  Deno.test(`rfmTable() scores every customer as the reference does under the ${ties} tie policy`, async () => {
    const table = await rfmTable(dataset, { ties });
    const scores = (key: "recencyScore" | "frequencyScore" | "monetaryScore") =>
      table.rows.map((r) => r[key]).join("");
    assertEquals(scores("recencyScore"), reference.rfm[ties].recencyScore);
    assertEquals(scores("frequencyScore"), reference.rfm[ties].frequencyScore);
    assertEquals(scores("monetaryScore"), reference.rfm[ties].monetaryScore);
  });
}

Deno.test("customerFeatures() builds the same matrix as pandas from the real data set", async () => {
  const features = await customerFeatures(dataset);
  assertEquals(features.customerIds, reference.rfm.customerId);
  assertEquals(
    features.columns.map((c) => c.label),
    reference.features.columns,
  );
  const expected = new Float64Array(features.features.values.length);
  for (const [i, j, value] of reference.features.cells) {
    expected[i * features.features.cols + j] = value;
  }
  assertEquals(Array.from(features.features.values), Array.from(expected));
});

Deno.test("pca() explains the variance of the real data set as scikit-learn does, within 1e-6", async () => {
  const features = await customerFeatures(dataset);
  const result = pca(standardise(features.features).matrix, {
    varianceThreshold: reference.varianceThreshold,
  });
  assertEquals(result.components, reference.components);
  assertEquals(
    result.explainedVarianceRatio.length,
    reference.explainedVarianceRatio.length,
  );
  result.explainedVarianceRatio.forEach((ratio, c) =>
    assertAlmostEquals(ratio, reference.explainedVarianceRatio[c], 1e-6)
  );
});

Deno.test("clusterCustomers() reaches an inertia within 1% of scikit-learn's best of 10 starts for every k", async () => {
  const result = await clusterCustomers(dataset);
  assertEquals(result.sampleSize, null);
  assertEquals(result.components, reference.components);
  for (const { k, inertia } of reference.kmeans) {
    const ours = result.silhouetteByK.find((s) => s.k === k)!.inertia!;
    assertOk(
      Math.abs(ours - inertia) / inertia <= 0.01,
      `k = ${k}: inertia ${ours} vs scikit-learn's ${inertia}`,
    );
  }
  const best = result.silhouetteByK.reduce((a, b) =>
    b.silhouette! > a.silhouette! ? b : a
  );
  assertEquals(result.k, best.k);
  assertAlmostEquals(
    result.inertia,
    result.silhouetteByK.find((s) => s.k === result.k)!.inertia!,
    1e-6,
  );
});

Deno.test("silhouetteScores() matches scikit-learn's silhouette of the same labels, within 1e-6", async () => {
  const features = await customerFeatures(dataset);
  const { scores } = pca(standardise(features.features).matrix, {
    varianceThreshold: reference.varianceThreshold,
  });
  const labellings = reference.kmeans.map(({ k, labels }) => ({
    k,
    labels: Int32Array.from(labels, Number),
  }));
  const ours = silhouetteScores(scores, labellings);
  reference.kmeans.forEach(({ silhouette }, i) =>
    assertAlmostEquals(ours[i]!, silhouette, 1e-6)
  );
});

Deno.test("closeDataset() closes the real data set: a query after it is refused", async () => {
  const [before] = await queryRows<{ n: number }>(dataset, "SELECT 1 AS n");
  assertEquals(before.n, 1);
  closeDataset(dataset);
  await assertRejects(() => queryRows(dataset, "SELECT 1 AS n"));
});
