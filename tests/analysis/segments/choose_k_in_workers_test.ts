import { chooseK } from "../../../src/stats/choose_k.ts";
import { chooseKInWorkers } from "../../../src/analysis/segments/choose_k_in_workers.ts";
import type { DenseMatrix } from "../../../src/stats/dense_matrix.ts";
import { seededRandom } from "../../../src/stats/seeded_random.ts";
import { assertEquals, assertOk } from "../../assert.ts";

/** Noisy blobs around `centres` random centres: `rows` × `cols`. */
function blobs(rows: number, cols: number, centres: number): DenseMatrix {
  const random = seededRandom(42);
  const middles = Array.from(
    { length: centres * cols },
    () => random() * 10,
  );
  const values = new Float64Array(rows * cols);
  for (let i = 0; i < rows; i++) {
    const c = i % centres;
    for (let j = 0; j < cols; j++) {
      values[i * cols + j] = middles[c * cols + j] + random() * 3;
    }
  }
  return { rows, cols, values };
}

Deno.test("chooseKInWorkers() gives what chooseK() gives in one thread, with two workers or one", async () => {
  const points = blobs(3_000, 4, 4);
  const options = { seed: 5, starts: 3 };
  const alone = chooseK(points, options);
  const two = await chooseKInWorkers(points, {
    ...options,
    workers: 2,
    minRows: 0,
  });
  const one = await chooseKInWorkers(points, { ...options, workers: 1 });
  assertOk(alone.k !== null && alone.byK.length === 7, JSON.stringify(alone));
  assertEquals(two, alone);
  assertEquals(one, alone);
  // The points are not taken from the caller (each worker gets a copy).
  assertEquals(points.values.length, 3_000 * 4);
});

Deno.test("chooseKInWorkers() samples as chooseK() does above the exact limit, and keeps a fixed k", async () => {
  const points = blobs(2_500, 3, 3);
  const sampled = { seed: 9, starts: 2, exactLimit: 1_000, sampleSize: 800 };
  const alone = chooseK(points, sampled);
  assertEquals(alone.sampleSize, 800);
  assertEquals(
    await chooseKInWorkers(points, { ...sampled, workers: 2, minRows: 0 }),
    alone,
  );
  const fixed = { seed: 3, k: 4 };
  assertEquals(
    await chooseKInWorkers(points, { ...fixed, workers: 2, minRows: 0 }),
    chooseK(points, fixed),
  );
});
