import { assertEquals, assertOk, assertThrows } from "../assert.ts";
import { denseMatrix } from "../../src/stats/dense_matrix.ts";
import { fitClusters } from "../../src/stats/fit_clusters.ts";
import { seededRandom } from "../../src/stats/seeded_random.ts";

function spend(seed = 2) {
  const random = seededRandom(seed);
  const rows: number[][] = [];
  for (let i = 0; i < 120; i++) {
    const group = i % 3 === 0 ? 0 : i % 3 === 1 ? 1 : i % 2 ? 1 : 2;
    rows.push(
      [0, 1, 2].map((j) => (j === group ? 100 : 5) + random() * 4),
    );
  }
  return denseMatrix(rows);
}

Deno.test("fitClusters() numbers clusters by size, largest first", () => {
  const fit = fitClusters(spend());
  assertEquals(fit.k, 3);
  assertEquals(fit.sizes, [60, 40, 20]);
  assertEquals(fit.labels[1], 0);
  assertEquals(fit.labels[0], 1);
  assertEquals(fit.sizes.reduce((a, b) => a + b, 0), 120);
  assertEquals(fit.note, null);
});

Deno.test("fitClusters() gives the same labels for the same seed", () => {
  const a = fitClusters(spend(), { seed: 7 });
  const b = fitClusters(spend(), { seed: 7 });
  assertEquals(Array.from(a.labels), Array.from(b.labels));
  assertEquals(a.byK, b.byK);
});

Deno.test("fitClusters() fits on a sample above the exact limit and assigns every row", () => {
  const fit = fitClusters(spend(), { exactLimit: 50, sampleSize: 40 });
  assertEquals(fit.sampleSize, 40);
  assertEquals(fit.labels.length, 120);
  assertEquals(fit.sizes, [60, 40, 20]);
});

Deno.test("fitClusters() puts identical customers in one cluster and says why", () => {
  const fit = fitClusters(denseMatrix([[5, 1], [5, 1], [5, 1], [5, 1]]));
  assertEquals(fit.k, 1);
  assertEquals(fit.sizes, [4]);
  assertEquals(fit.silhouette, null);
  assertEquals(fit.note, "All 4 customers buy the same: one cluster");
  assertThrows(
    () => fitClusters(denseMatrix([[5, 1], [5, 1], [5, 1]]), { k: 2 }),
    RangeError,
    "Cannot make 2 clusters: all 3 customers buy the same",
  );
});

Deno.test("fitClusters() handles fewer customers than k", () => {
  const two = denseMatrix([[1, 0], [0, 1]]);
  const fit = fitClusters(two);
  assertEquals(fit.k, 1);
  assertOk(fit.note!.startsWith("Too few customers"));
  assertThrows(
    () => fitClusters(two, { k: 3 }),
    RangeError,
    "Cannot make 3 clusters: there are only 2 customers",
  );
  const fixed = fitClusters(two, { k: 2 });
  assertEquals(fixed.sizes, [1, 1]);
  assertEquals(fitClusters(denseMatrix([])).note, "No customers to cluster");
});

Deno.test("fitClusters() refuses a fixed k that fewer distinct customers cannot fill", () => {
  const points = denseMatrix([[1, 0], [1, 0], [0, 1], [0, 1], [0, 1]]);
  assertThrows(
    () => fitClusters(points, { k: 3 }),
    RangeError,
    "Cannot make 3 clusters: fewer than 3 customers differ in what they buy",
  );
  assertEquals(fitClusters(points).k, 2);
});

Deno.test("fitClusters() does not cluster spend in one column: one cluster with a note, and a requested k is refused", () => {
  const random = seededRandom(5);
  const oneColumn = denseMatrix(
    Array.from({ length: 90 }, (_, i) => [(i % 3) * 100 + random()]),
  );
  const fit = fitClusters(oneColumn);
  assertEquals(fit.k, 1);
  assertEquals(fit.sizes, [90]);
  assertEquals(
    fit.note,
    "Spend in one column only cannot say what customers buy: one cluster",
  );
  assertThrows(
    () => fitClusters(oneColumn, { k: 3 }),
    RangeError,
    "Cannot make 3 clusters of what customers buy: their spend has 1 column, and clusters need at least two",
  );
});
