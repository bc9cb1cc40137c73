import { assertEquals } from "../../assert.ts";
import { rfmScoreRanges } from "../../../src/figures/segments/rfm_score_ranges.ts";

const row = (
  [recency, frequency, monetary]: number[],
  [recencyScore, frequencyScore, monetaryScore]: number[],
) => ({
  recency,
  frequency,
  monetary,
  recencyScore,
  frequencyScore,
  monetaryScore,
});

Deno.test("rfmScoreRanges() gives each score of each measure its customers and raw value range", () => {
  const ranges = rfmScoreRanges([
    row([2, 9, 500], [5, 5, 5]),
    row([5, 7, 420.5], [5, 4, 5]),
    row([90, 1, -3], [1, 1, 1]),
  ]);
  assertEquals(ranges.length, 15);
  assertEquals(
    ranges.map((r) => `${r.measure[0]}${r.score}`).join(" "),
    "r5 r4 r3 r2 r1 f5 f4 f3 f2 f1 m5 m4 m3 m2 m1",
  );
  assertEquals(ranges[0], {
    measure: "recency",
    score: 5,
    customers: 2,
    min: 2,
    max: 5,
  });
  assertEquals(ranges[1], {
    measure: "recency",
    score: 4,
    customers: 0,
    min: null,
    max: null,
  });
  assertEquals(ranges[4], {
    measure: "recency",
    score: 1,
    customers: 1,
    min: 90,
    max: 90,
  });
  assertEquals(ranges[6], {
    measure: "frequency",
    score: 4,
    customers: 1,
    min: 7,
    max: 7,
  });
  assertEquals(ranges[10], {
    measure: "monetary",
    score: 5,
    customers: 2,
    min: 420.5,
    max: 500,
  });
  assertEquals(ranges[14], {
    measure: "monetary",
    score: 1,
    customers: 1,
    min: -3,
    max: -3,
  });
});

Deno.test("rfmScoreRanges() of no customers lists every score with none", () => {
  const ranges = rfmScoreRanges([]);
  assertEquals(ranges.length, 15);
  assertEquals(ranges.every((r) => r.customers === 0 && r.min === null), true);
});
