import { assertEquals, assertOk, assertThrows } from "../assert.ts";
import { chooseK } from "../../src/stats/choose_k.ts";
import { denseMatrix } from "../../src/stats/dense_matrix.ts";
import { seededRandom } from "../../src/stats/seeded_random.ts";

function blobs(count: number, perBlob: number, seed = 5) {
  const random = seededRandom(seed);
  const rows: number[][] = [];
  for (let b = 0; b < count; b++) {
    for (let i = 0; i < perBlob; i++) {
      rows.push([b * 10 + random(), (b % 2) * 8 + random()]);
    }
  }
  return denseMatrix(rows);
}

Deno.test("chooseK() picks the number of blobs by silhouette", () => {
  const result = chooseK(blobs(4, 25));
  assertEquals(result.k, 4);
  assertEquals(result.byK.map((s) => s.k), [2, 3, 4, 5, 6, 7, 8]);
  const best = Math.max(...result.byK.map((s) => s.silhouette!));
  assertEquals(result.byK.find((s) => s.k === 4)!.silhouette, best);
  assertEquals(result.sampleSize, null);
});

Deno.test("chooseK() samples above the exact limit and states the sample size", () => {
  const result = chooseK(blobs(3, 200), { exactLimit: 300, sampleSize: 150 });
  assertEquals(result.sampleSize, 150);
  assertEquals(result.sample!.length, 150);
  assertEquals(result.fit!.labels.length, 150);
  assertEquals(result.k, 3);
});

Deno.test("chooseK() tries no more clusters than customers minus one", () => {
  const result = chooseK(blobs(2, 2));
  assertEquals(result.byK.map((s) => s.k), [2, 3]);
  assertOk(result.k === 2);
});

Deno.test("chooseK() scores a fixed k and refuses more clusters than customers", () => {
  const result = chooseK(blobs(4, 25), { k: 3 });
  assertEquals(result.k, 3);
  assertEquals(result.byK.length, 1);
  assertThrows(
    () => chooseK(blobs(1, 3), { k: 5 }),
    RangeError,
    "Cannot make 5 clusters: there are only 3 customers",
  );
});

Deno.test("chooseK() gives the same answer for the same seed", () => {
  const points = blobs(5, 30, 9);
  assertEquals(
    chooseK(points, { seed: 4 }).byK,
    chooseK(points, { seed: 4 }).byK,
  );
});
