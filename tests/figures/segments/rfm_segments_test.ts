import { assertEquals } from "../../assert.ts";
import { rfmSegments } from "../../../src/figures/segments/rfm_segments.ts";
import type { RfmRow } from "../../../src/figures/segments/rfm_table.ts";
import { DEFAULT_SEGMENT_MAP } from "../../../src/figures/segments/rfm_segment_map.ts";

function row(
  customerId: string,
  segment: string,
  recency: number,
  frequency: number,
  monetary: number,
): RfmRow {
  return {
    customerId,
    lastPurchase: "2024-01-01",
    recency,
    frequency,
    monetary,
    recencyScore: 3,
    frequencyScore: 3,
    monetaryScore: 3,
    rfm: "333",
    segment,
  };
}

const ROWS = [
  row("a", "Champions", 2, 10, 500),
  row("b", "Champions", 4, 8, 300),
  row("c", "Lost", 200, 1, 100),
  row("d", "At Risk", 150, 4, 100),
];

Deno.test("rfmSegments() sums customers and revenue per segment with shares", () => {
  const table = rfmSegments(ROWS);
  const champions = table.find((r) => r.segment === "Champions")!;
  assertEquals(champions, {
    segment: "Champions",
    customers: 2,
    share: 0.5,
    averageRecency: 3,
    averageFrequency: 9,
    averageMonetary: 400,
    revenue: 800,
    revenueShare: 0.8,
  });
  assertEquals(table.reduce((s, r) => s + r.customers, 0), 4);
  assertEquals(table.reduce((s, r) => s + (r.revenueShare ?? 0), 0), 1);
});

Deno.test("rfmSegments() lists every segment of the map in its order, empty ones with null averages", () => {
  const table = rfmSegments(ROWS);
  assertEquals(
    table.map((r) => r.segment),
    DEFAULT_SEGMENT_MAP.map((rule) => rule.segment),
  );
  const promising = table.find((r) => r.segment === "Promising")!;
  assertEquals(promising.customers, 0);
  assertEquals(promising.averageRecency, null);
  assertEquals(promising.revenue, 0);
});

Deno.test("rfmSegments() has no revenue share when net revenue is not positive", () => {
  const table = rfmSegments([row("a", "Lost", 100, 1, -20)]);
  assertEquals(table.find((r) => r.segment === "Lost")!.revenueShare, null);
});
