import {
  assertEquals,
  assertNotEquals,
  assertOk as assert,
  assertThrows,
} from "../assert.ts";
import { createRandom, cumulative } from "../../src/simulator/random.ts";

const draw = (seed: number, n = 5) => {
  const random = createRandom(seed);
  return Array.from({ length: n }, () => random.next());
};

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

Deno.test("createRandom() gives the same sequence for the same seed", () => {
  assertEquals(draw(42), draw(42));
});

Deno.test("createRandom() gives different sequences for different seeds", () => {
  assertNotEquals(draw(1), draw(2));
  assertNotEquals(draw(1), draw(2 ** 32 + 1));
});

Deno.test("createRandom() refuses a seed that is not a finite number", () => {
  assertThrows(() => createRandom(NaN), RangeError);
});

Deno.test("next() stays in [0, 1) and is spread evenly", () => {
  const random = createRandom(3);
  const xs = Array.from({ length: 20_000 }, () => random.next());
  assert(xs.every((x) => x >= 0 && x < 1));
  assert(Math.abs(mean(xs) - 0.5) < 0.01, `mean ${mean(xs)}`);
  const low = xs.filter((x) => x < 0.1).length / xs.length;
  assert(Math.abs(low - 0.1) < 0.01, `share below 0.1: ${low}`);
});

Deno.test("int() covers both ends of its range and nothing outside", () => {
  const random = createRandom(4);
  const seen = new Set(Array.from({ length: 1_000 }, () => random.int(1, 6)));
  assertEquals([...seen].sort(), [1, 2, 3, 4, 5, 6]);
});

Deno.test("normal() has the requested mean and standard deviation", () => {
  const random = createRandom(5);
  const xs = Array.from({ length: 20_000 }, () => random.normal(10, 2));
  const m = mean(xs);
  const sd = Math.sqrt(mean(xs.map((x) => (x - m) ** 2)));
  assert(Math.abs(m - 10) < 0.05, `mean ${m}`);
  assert(Math.abs(sd - 2) < 0.05, `sd ${sd}`);
});

Deno.test("poisson() has the requested mean for small and large lambdas", () => {
  const random = createRandom(6);
  for (const lambda of [0.3, 4, 250]) {
    const m = mean(
      Array.from({ length: 20_000 }, () => random.poisson(lambda)),
    );
    assert(
      Math.abs(m - lambda) < lambda * 0.03 + 0.02,
      `lambda ${lambda}: mean ${m}`,
    );
  }
  assertEquals(random.poisson(0), 0);
});

Deno.test("weightedIndex() picks indexes in proportion to their weights", () => {
  const random = createRandom(7);
  const counts = [0, 0, 0];
  for (let i = 0; i < 30_000; i++) counts[random.weightedIndex([1, 0, 3])]++;
  assertEquals(counts[1], 0);
  assert(Math.abs(counts[2] / counts[0] - 3) < 0.15, `counts ${counts}`);
});

Deno.test("cumulativeIndex() agrees with cumulative() running sums", () => {
  assertEquals([...cumulative([1, 2, 3])], [1, 3, 6]);
  const random = createRandom(8);
  const sums = cumulative([0, 5, 0]);
  for (let i = 0; i < 100; i++) assertEquals(random.cumulativeIndex(sums), 1);
});

Deno.test("fork() gives streams that depend on the label and the parent seed", () => {
  const a = createRandom(9).fork("sales").next();
  assertEquals(createRandom(9).fork("sales").next(), a);
  assertNotEquals(createRandom(9).fork("fuel").next(), a);
  assertNotEquals(createRandom(10).fork("sales").next(), a);
  assertNotEquals(createRandom(9).fork("x").fork("sales").next(), a);
});
