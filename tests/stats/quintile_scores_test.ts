import { assertEquals, assertThrows } from "../assert.ts";
import {
  linearQuantile,
  quintileScores,
} from "../../src/stats/quintile_scores.ts";

Deno.test("quintileScores() splits distinct values into five equal groups", () => {
  const values = Array.from({ length: 20 }, (_, i) => i * 3);
  assertEquals(
    quintileScores(values),
    [1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5],
  );
  assertEquals(
    quintileScores(values, { ties: "rank" }),
    quintileScores(values),
  );
});

Deno.test("quintileScores() gives the lowest value the top score when reversed", () => {
  const recency = [40, 1, 300, 9, 120];
  assertEquals(quintileScores(recency, { reverse: true }), [3, 5, 1, 4, 2]);
  assertEquals(
    quintileScores(recency, { reverse: true, ties: "rank" }),
    [3, 5, 1, 4, 2],
  );
});

Deno.test("quintileScores() gives equal values one score under the quantile policy", () => {
  const frequency = [1, 1, 1, 1, 1, 1, 2, 2, 3, 9];
  const scores = quintileScores(frequency);
  assertEquals(scores, [1, 1, 1, 1, 1, 1, 4, 4, 5, 5]);
});

Deno.test("quintileScores() breaks ties by key under the rank policy", () => {
  const frequency = [1, 1, 1, 1, 1, 1, 2, 2, 3, 9];
  const keys = ["j", "i", "h", "g", "f", "e", "d", "c", "b", "a"];
  assertEquals(
    quintileScores(frequency, { ties: "rank", keys }),
    [3, 3, 2, 2, 1, 1, 4, 4, 5, 5],
  );
  assertEquals(
    quintileScores(frequency, { ties: "rank" }),
    [1, 1, 2, 2, 3, 3, 4, 4, 5, 5],
  );
});

Deno.test("quintileScores() scores a lone value 1 and an empty list as empty", () => {
  assertEquals(quintileScores([7]), [1]);
  assertEquals(quintileScores([7], { ties: "rank" }), [1]);
  assertEquals(quintileScores([]), []);
});

Deno.test("quintileScores() rejects an unknown tie policy and mismatched keys", () => {
  assertThrows(
    () => quintileScores([1, 2], { ties: "dense" as never }),
    RangeError,
    'Cannot score values: unknown tie policy "dense"',
  );
  assertThrows(
    () => quintileScores([1, 2], { keys: ["a"] }),
    RangeError,
    "Cannot score 2 values: got 1 tie-break keys",
  );
});

Deno.test("linearQuantile() interpolates as numpy does", () => {
  // numpy.quantile([1, 2, 4, 8, 16], [0.2, 0.4, 0.6, 0.8]), numpy 1.24
  const sorted = [1, 2, 4, 8, 16];
  assertEquals(
    [0.2, 0.4, 0.6, 0.8].map((q) => linearQuantile(sorted, q)),
    [1.8, 3.2, 5.6, 9.600000000000001],
  );
});
