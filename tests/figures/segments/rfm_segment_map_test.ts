import { assertEquals, assertThrows } from "../../assert.ts";
import {
  checkSegmentMap,
  DEFAULT_SEGMENT_MAP,
  ruleCovers,
  segmentOf,
} from "../../../src/figures/segments/rfm_segment_map.ts";

Deno.test("DEFAULT_SEGMENT_MAP puts every score combination in exactly one segment", () => {
  for (let r = 1; r <= 5; r++) {
    for (let f = 1; f <= 5; f++) {
      const hits = DEFAULT_SEGMENT_MAP.filter((rule) => ruleCovers(rule, r, f));
      assertEquals(hits.length, 1, `cell R${r} F${f}`);
    }
  }
  const cells = DEFAULT_SEGMENT_MAP.reduce(
    (sum, { recency: [r0, r1], frequency: [f0, f1] }) =>
      sum + (r1 - r0 + 1) * (f1 - f0 + 1),
    0,
  );
  assertEquals(cells, 25);
});

Deno.test("DEFAULT_SEGMENT_MAP names the eleven standard segments", () => {
  assertEquals(DEFAULT_SEGMENT_MAP.map((rule) => rule.segment), [
    "Champions",
    "Loyal Customers",
    "Potential Loyalists",
    "New Customers",
    "Promising",
    "Need Attention",
    "About to Sleep",
    "At Risk",
    "Can't Lose Them",
    "Hibernating",
    "Lost",
  ]);
});

Deno.test("segmentOf() reads the grid's corners as the standard map does", () => {
  assertEquals(segmentOf(DEFAULT_SEGMENT_MAP, 5, 5), "Champions");
  assertEquals(segmentOf(DEFAULT_SEGMENT_MAP, 5, 1), "New Customers");
  assertEquals(segmentOf(DEFAULT_SEGMENT_MAP, 1, 5), "Can't Lose Them");
  assertEquals(segmentOf(DEFAULT_SEGMENT_MAP, 1, 1), "Lost");
  assertEquals(segmentOf(DEFAULT_SEGMENT_MAP, 2, 2), "Hibernating");
  assertEquals(segmentOf(DEFAULT_SEGMENT_MAP, 3, 3), "Need Attention");
});

Deno.test("checkSegmentMap() accepts a replacement map that partitions the grid", () => {
  const twoSegments = [
    { segment: "Recent", recency: [4, 5], frequency: [1, 5] },
    { segment: "Lapsed", recency: [1, 3], frequency: [1, 5] },
  ] as const;
  assertEquals(checkSegmentMap(twoSegments), twoSegments);
  assertEquals(segmentOf(twoSegments, 3, 5), "Lapsed");
});

Deno.test("checkSegmentMap() names the cell a map leaves uncovered", () => {
  assertThrows(
    () =>
      checkSegmentMap([
        { segment: "Most", recency: [1, 5], frequency: [1, 4] },
      ]),
    RangeError,
    "Invalid segment map: cell R1 F5 is covered by no segment",
  );
});

Deno.test("checkSegmentMap() names the segments that overlap", () => {
  assertThrows(
    () =>
      checkSegmentMap([
        { segment: "All", recency: [1, 5], frequency: [1, 5] },
        { segment: "Best", recency: [5, 5], frequency: [5, 5] },
      ]),
    RangeError,
    'Invalid segment map: cell R5 F5 is covered by "All" and "Best"',
  );
});

Deno.test("checkSegmentMap() rejects ranges outside 1 to 5 and repeated names", () => {
  assertThrows(
    () =>
      checkSegmentMap([
        { segment: "All", recency: [0, 5], frequency: [1, 5] },
      ]),
    RangeError,
    'segment "All": recency range [0,5] is not within 1 to 5',
  );
  assertThrows(
    () =>
      checkSegmentMap([
        { segment: "A", recency: [1, 2], frequency: [1, 5] },
        { segment: "A", recency: [3, 5], frequency: [1, 5] },
      ]),
    RangeError,
    'segment "A" appears twice',
  );
});
