import { assertEquals, assertThrows } from "../assert.ts";
import { rankSelector } from "../../src/stats/rank_selector.ts";
import { seededRandom } from "../../src/stats/seeded_random.ts";

/** Runs the selector over `values` in batches of `batch` until it answers; the passes it took. */
function select(
  values: readonly number[],
  k: number,
  held: number,
  batch = 7,
): { kth: number; passes: number } {
  const selector = rankSelector(values.length, k, held);
  for (let passes = 1;; passes++) {
    for (let i = 0; i < values.length; i += batch) {
      selector.add(values.slice(i, i + batch));
    }
    const kth = selector.endPass();
    if (kth !== undefined) return { kth, passes };
  }
}

function sortedAt(values: readonly number[], k: number): number {
  return Float64Array.from(values).sort()[k];
}

Deno.test("rankSelector() finds the k-th smallest in one pass when the numbers above it fit", () => {
  const random = seededRandom(3);
  const values = Array.from({ length: 1000 }, () => random() * 100);
  for (const k of [0, 1, 500, 989, 999]) {
    assertEquals(select(values, k, 1000), {
      kth: sortedAt(values, k),
      passes: 1,
    });
  }
  assertEquals(select(values, 989, 11).passes, 1);
});

Deno.test("rankSelector() narrows the bits over more passes when they do not, and finds the same number", () => {
  const random = seededRandom(5);
  const cases = [
    // Spread, clumped and tied, negative and positive, zeros of both signs.
    Array.from({ length: 5000 }, () => random() * 1e4),
    Array.from({ length: 5000 }, (_, i) => i % 3 === 0 ? 1e6 : random()),
    Array.from({ length: 5000 }, (_, i) => i % 10 === 0 ? 7.5 : 1 / 3),
    Array.from({ length: 5000 }, () => (random() - 0.5) * 2 ** 40),
    Array.from({ length: 3000 }, (_, i) => [0, -0, 1e-300, -1e-300][i % 4]),
    Array.from({ length: 3000 }, (_, i) => 1 + (i % 5) * Number.EPSILON),
  ];
  for (const values of cases) {
    for (const k of [0, 17, values.length >> 1, values.length - 31]) {
      const { kth, passes } = select(values, k, 20);
      assertEquals(Object.is(kth, sortedAt(values, k)), true, `${k}: ${kth}`);
      assertEquals(passes >= 2 && passes <= 5, true, `${passes} passes`);
    }
  }
});

Deno.test("rankSelector() holds one of many equal numbers, not all of them", () => {
  const values = new Array(10_000).fill(2.5);
  values[0] = 1;
  assertEquals(select(values, 5000, 3), { kth: 2.5, passes: 5 });
});

Deno.test("rankSelector() refuses a rank outside the numbers", () => {
  assertThrows(() => rankSelector(5, 5), RangeError);
  assertThrows(() => rankSelector(0, 0), RangeError);
});
