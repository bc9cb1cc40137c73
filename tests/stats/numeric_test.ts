import {
  assertAlmostEquals,
  assertEquals,
  assertNotEquals,
  assertOk,
  assertThrows,
} from "../assert.ts";
import { denseMatrix } from "../../src/stats/dense_matrix.ts";
import { kmeans } from "../../src/stats/kmeans.ts";
import { pca } from "../../src/stats/pca.ts";
import { seededRandom } from "../../src/stats/seeded_random.ts";
import { seededSample } from "../../src/stats/seeded_sample.ts";
import { silhouetteScores } from "../../src/stats/silhouette.ts";
import { standardise } from "../../src/stats/standardise.ts";

/** Three well separated blobs of 30 points each in 4 dimensions. */
function blobs(seed = 3) {
  const random = seededRandom(seed);
  const centres = [[0, 0, 0, 0], [10, 0, 5, 0], [0, 12, 0, -6]];
  const rows: number[][] = [];
  for (let i = 0; i < 90; i++) {
    rows.push(centres[i % 3].map((c) => c + random() - 0.5));
  }
  return denseMatrix(rows);
}

Deno.test("seededRandom() repeats its sequence for a seed and differs across seeds", () => {
  const a = seededRandom(5), b = seededRandom(5), c = seededRandom(6);
  const first = [a(), a(), a()];
  assertEquals([b(), b(), b()], first);
  assertNotEquals([c(), c(), c()], first);
  assertOk(first.every((x) => x >= 0 && x < 1));
});

Deno.test("seededSample() picks distinct sorted indices, all of them when asked for more", () => {
  const sample = Array.from(seededSample(1000, 50, 9));
  assertEquals(new Set(sample).size, 50);
  assertEquals(sample, [...sample].sort((x, y) => x - y));
  assertEquals(Array.from(seededSample(1000, 50, 9)), sample);
  assertEquals(Array.from(seededSample(3, 10, 9)), [0, 1, 2]);
});

Deno.test("seededSample() picks what a shuffle of the whole pool picks, holding only the moved positions", () => {
  // The partial Fisher–Yates shuffle over a pool of every index.
  const pooled = (total: number, size: number, seed: number) => {
    const random = seededRandom(seed);
    const pool = Int32Array.from({ length: total }, (_, i) => i);
    for (let i = 0; i < size; i++) {
      const j = i + Math.floor(random() * (total - i));
      [pool[i], pool[j]] = [pool[j], pool[i]];
    }
    return Array.from(pool.slice(0, size).sort());
  };
  for (
    const [total, size, seed] of [[1000, 50, 9], [10, 9, 1], [5000, 4999, 3], [
      100_000,
      2_000,
      42,
    ], [2, 1, 7]]
  ) {
    assertEquals(
      Array.from(seededSample(total, size, seed)),
      pooled(total, size, seed),
    );
  }
});

Deno.test("standardise() gives unit population variance and zeros for a constant column", () => {
  const { matrix, means, scales } = standardise(
    denseMatrix([[1, 7], [2, 7], [3, 7], [6, 7]]),
  );
  assertEquals(means, [3, 7]);
  assertAlmostEquals(scales[0], Math.sqrt(3.5), 1e-12);
  assertEquals(scales[1], 1);
  let squares = 0;
  for (let i = 0; i < 4; i++) squares += matrix.values[i * 2] ** 2;
  assertAlmostEquals(squares / 4, 1, 1e-12);
  assertEquals([1, 3, 5, 7].map((i) => matrix.values[i]), [0, 0, 0, 0]);
});

Deno.test("pca() finds eigenvectors of the covariance, largest variance first", () => {
  const random = seededRandom(11);
  const rows = Array.from({ length: 200 }, () => {
    const a = random(), b = random(), c = random();
    return [a + b, a - b, 3 * c, a + c, b * random()];
  });
  const result = pca(denseMatrix(rows), { components: 5 });
  assertEquals(result.components, 5);
  assertAlmostEquals(
    result.explainedVarianceRatio.reduce((s, r) => s + r, 0),
    1,
    1e-12,
  );
  for (let c = 1; c < 5; c++) {
    assertOk(
      result.explainedVariance[c - 1] >= result.explainedVariance[c],
      "eigenvalues descend",
    );
  }
  // The variance of each projected column equals its eigenvalue.
  const { scores } = result;
  for (let c = 0; c < 5; c++) {
    let squares = 0;
    for (let i = 0; i < 200; i++) squares += scores.values[i * 5 + c] ** 2;
    assertAlmostEquals(squares / 199, result.explainedVariance[c], 1e-9);
  }
  let cross = 0;
  for (let i = 0; i < 200; i++) {
    cross += scores.values[i * 5] * scores.values[i * 5 + 1];
  }
  assertAlmostEquals(cross / 199, 0, 1e-9);
});

Deno.test("pca() keeps the fewest components that explain the threshold", () => {
  const random = seededRandom(12);
  const rows = Array.from({ length: 100 }, () => {
    const a = random() * 10;
    return [a, 2 * a + random() * 0.1, random() * 0.1];
  });
  const result = pca(denseMatrix(rows), { varianceThreshold: 0.8 });
  assertEquals(result.components, 1);
  assertEquals(result.scores.cols, 1);
  assertEquals(pca(denseMatrix(rows), { components: 2 }).components, 2);
  assertThrows(
    () => pca(denseMatrix(rows), { components: 4 }),
    RangeError,
    "Cannot run PCA: 4 components asked for, the data has 3 columns",
  );
});

Deno.test("pca() keeps no component when the data has no variance", () => {
  const result = pca(denseMatrix([[1, 2], [1, 2], [1, 2]]));
  assertEquals(result.components, 0);
  assertEquals(result.explainedVarianceRatio, [0, 0]);
});

Deno.test("kmeans() separates well separated blobs with zero-error labels", () => {
  const points = blobs();
  const fit = kmeans(points, 3, { seed: 1 })!;
  for (let i = 3; i < 90; i++) assertEquals(fit.labels[i], fit.labels[i % 3]);
  assertEquals(new Set(fit.labels).size, 3);
  assertOk(fit.inertia < 90 * 4 * 0.25, `inertia ${fit.inertia}`);
});

Deno.test("kmeans() gives identical labels for the same seed", () => {
  const random = seededRandom(4);
  const noise = denseMatrix(
    Array.from({ length: 300 }, () => [random(), random(), random()]),
  );
  const a = kmeans(noise, 5, { seed: 42, starts: 3 })!;
  const b = kmeans(noise, 5, { seed: 42, starts: 3 })!;
  assertEquals(Array.from(a.labels), Array.from(b.labels));
  assertEquals(a.inertia, b.inertia);
});

Deno.test("kmeans() keeps the lowest inertia of its starts", () => {
  const random = seededRandom(8);
  const noise = denseMatrix(
    Array.from({ length: 300 }, () => [random(), random()]),
  );
  // With one seed, a run of m starts tries the first m starts of a run of 8,
  // so the best inertia can only fall as m grows; on this data set the later
  // starts find a better fit than the first one.
  const inertias = [1, 2, 3, 4, 5, 6, 7, 8].map((starts) =>
    kmeans(noise, 6, { seed: 3, starts })!.inertia
  );
  for (let m = 1; m < inertias.length; m++) {
    assertOk(
      inertias[m] <= inertias[m - 1],
      `${m + 1} starts: ${inertias[m]} > ${m} starts: ${inertias[m - 1]}`,
    );
  }
  assertOk(
    inertias[7] < inertias[0],
    `8 starts (${inertias[7]}) find nothing better than the first (${
      inertias[0]
    })`,
  );
});

Deno.test("kmeans() cannot form more clusters than there are distinct points", () => {
  const points = denseMatrix([[1, 1], [1, 1], [2, 2], [2, 2]]);
  assertEquals(kmeans(points, 3), null);
  assertEquals(kmeans(points, 5), null);
  assertEquals(kmeans(points, 2)!.inertia, 0);
});

Deno.test("kmeans() refines given centroids to the nearest local optimum", () => {
  const points = blobs();
  const start = Float64Array.from([1, 1, 1, 1, 9, 1, 4, 1, 1, 11, 1, -5]);
  const fit = kmeans(points, 3, { initialCentroids: start })!;
  assertEquals([fit.labels[0], fit.labels[1], fit.labels[2]], [0, 1, 2]);
});

Deno.test("silhouetteScores() matches the definition on a small example", () => {
  const points = denseMatrix([[0], [1], [4], [10], [11]]);
  const labels = Int32Array.from([0, 0, 0, 1, 1]);
  // a(i): mean distance within the cluster, b(i): to the nearest other one.
  const s = (a: number, b: number) => (b - a) / Math.max(a, b);
  const expected = (s(2.5, 10.5) + s(2, 9.5) + s(3.5, 6.5) + s(1, 25 / 3) +
    s(1, (11 + 10 + 7) / 3)) / 5;
  const [score] = silhouetteScores(points, [{ k: 2, labels }]);
  assertAlmostEquals(score!, expected, 1e-12);
});

Deno.test("silhouetteScores() scores many labellings as it scores each alone", () => {
  const points = blobs();
  const labellings = [2, 3, 4].map((k) => kmeans(points, k, { seed: 2 })!);
  const together = silhouetteScores(points, labellings);
  labellings.forEach((labelling, i) =>
    assertAlmostEquals(
      together[i]!,
      silhouetteScores(points, [labelling])[0]!,
      1e-12,
    )
  );
  assertOk(together[1]! > together[0]! && together[1]! > together[2]!);
});

Deno.test("silhouetteScores() scores a customer alone in its cluster 0 and one cluster null", () => {
  const points = denseMatrix([[0], [1], [50]]);
  const [two] = silhouetteScores(points, [{
    k: 2,
    labels: Int32Array.from([0, 0, 1]),
  }]);
  const s = (a: number, b: number) => (b - a) / Math.max(a, b);
  assertAlmostEquals(two!, (s(1, 50) + s(1, 49) + 0) / 3, 1e-12);
  const [one] = silhouetteScores(points, [{
    k: 2,
    labels: Int32Array.from([0, 0, 0]),
  }]);
  assertEquals(one, null);
});
