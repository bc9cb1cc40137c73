import { assertEquals, assertThrows } from "../../assert.ts";
import { numberFormats } from "../../../src/figures/format/number_formats.ts";
import {
  largestMoves,
  segmentMigration,
} from "../../../src/figures/segments/segment_migration.ts";
import {
  formatSegmentSnapshot,
  type SegmentSnapshot,
} from "../../../src/figures/segments/segment_snapshot.ts";
import { parseSegmentSnapshot } from "../../../src/figures/segments/read_segment_snapshot.ts";

const run = (
  runId: string,
  fingerprint: string,
  customers: [string, string, number][],
): SegmentSnapshot => ({
  runId,
  generatedAt: `${runId.slice(0, 4)}-01-01T00:00:00.000Z`,
  asOf: null,
  source: "fixture",
  fingerprint,
  ids: customers.map(([id]) => id),
  segments: [...new Set(customers.map(([, segment]) => segment))],
  segment: customers.map(([, segment]) =>
    [...new Set(customers.map(([, s]) => s))].indexOf(segment)
  ),
  revenue: customers.map(([, , revenue]) => revenue),
});

// a, b, c: Loyal → At Risk; d: Loyal → Loyal; e: Champions → Loyal;
// f: gone (was Lost); g: new (Promising).
const BEFORE = run("2025", "f1", [
  ["a", "Loyal Customers", 100],
  ["b", "Loyal Customers", 200],
  ["c", "Loyal Customers", 300],
  ["d", "Loyal Customers", 50],
  ["e", "Champions", 900],
  ["f", "Lost", 40],
]);
const AFTER = run("2026", "f2", [
  ["a", "At Risk", 110],
  ["b", "At Risk", 220],
  ["c", "At Risk", 5300.4],
  ["d", "Loyal Customers", 60],
  ["e", "Loyal Customers", 1000],
  ["g", "Promising", 25],
]);

Deno.test("segmentMigration() counts customers by id: moved, stayed, new and gone", () => {
  const m = segmentMigration(BEFORE, AFTER);
  assertEquals(m.counts, { common: 5, moved: 4, stayed: 1, new: 1, gone: 1 });
  assertEquals(m.previous, {
    runId: "2025",
    generatedAt: "2025-01-01T00:00:00.000Z",
    asOf: null,
    sameData: false,
  });
});

Deno.test("segmentMigration() lists every flow in segment order, new first and gone last, with this run's revenue", () => {
  const m = segmentMigration(BEFORE, AFTER);
  assertEquals(m.flows, [
    { from: "(new)", to: "Promising", customers: 1, revenue: 25 },
    { from: "Champions", to: "Loyal Customers", customers: 1, revenue: 1000 },
    {
      from: "Loyal Customers",
      to: "Loyal Customers",
      customers: 1,
      revenue: 60,
    },
    { from: "Loyal Customers", to: "At Risk", customers: 3, revenue: 5630.4 },
    // Gone customers keep the revenue the earlier run saw.
    { from: "Lost", to: "(gone)", customers: 1, revenue: 40 },
  ]);
});

Deno.test("largestMoves() says the largest moves in words, in the report's currency", () => {
  const m = segmentMigration(BEFORE, AFTER);
  assertEquals(largestMoves(m, numberFormats()), [
    "3 Loyal Customers are now At Risk, $5,630 of revenue",
    "1 Champions is now Loyal Customers, $1,000 of revenue",
  ]);
  assertEquals(
    largestMoves(m, numberFormats({ currency: "EUR", locale: "de-DE" }), 1),
    ["3 Loyal Customers are now At Risk, 5.630\u00a0€ of revenue"],
  );
  assertEquals(
    largestMoves(segmentMigration(BEFORE, BEFORE), numberFormats()),
    [],
  );
});

Deno.test("a segment snapshot survives its compact file, and a damaged file names itself", () => {
  const text = formatSegmentSnapshot(AFTER);
  const back = parseSegmentSnapshot(
    text,
    "r/segments.json",
    "20260102T030405Z",
  );
  const { ids: _i, segments: _s, segment: _c, revenue: _r, ...meta } = back;
  assertEquals(meta, {
    runId: "20260102T030405Z",
    generatedAt: "2026-01-02T03:04:05Z",
    asOf: null,
    source: "fixture",
    fingerprint: "f2",
  });
  assertEquals(customersOf(back), customersOf(AFTER));
  assertEquals(JSON.parse(text).segment, "AAABBC");
  const broken = text.replace('"segment":"AAABBC"', '"segment":"AAABB"');
  assertThrows(
    () => parseSegmentSnapshot(broken, "r/segments.json", "20260102T030405Z"),
    SyntaxError,
    'Cannot read the segments in "r/segments.json": its ids, segments and revenues do not line up',
  );
  assertThrows(
    () =>
      parseSegmentSnapshot('{"schema":"other"}', "x.json", "20260102T030405Z"),
    SyntaxError,
    'its schema is "other"',
  );
});

Deno.test("a segment snapshot's file names the segments its customers are in, sorted, whatever the order of its name list", () => {
  const text = formatSegmentSnapshot({
    ...AFTER,
    segments: ["Unused", "Promising", "Loyal Customers", "At Risk"],
    segment: [3, 3, 3, 2, 2, 1],
  });
  assertEquals(
    text,
    '{"schema":"basket-segments/1","asOf":null,"source":"fixture","fingerprint":"f2",' +
      '"segments":["At Risk","Loyal Customers","Promising"],"ids":["a","b","c","d","e","g"],' +
      '"segment":"AAABBC","revenue":[110,220,5300.4,60,1000,25]}\n',
  );
});

/** A snapshot's customers as [id, segment, revenue]. */
function customersOf(snapshot: SegmentSnapshot): [string, string, number][] {
  return snapshot.ids.map((id, i) => [
    id,
    snapshot.segments[snapshot.segment[i]],
    snapshot.revenue[i],
  ]);
}

Deno.test("segmentMigration() adds spends in whole cents: a flow of 50,000 customers' spends is exact to the cent", () => {
  let state = 7;
  const random = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  const customers: [string, string, number][] = [];
  let cents = 0;
  for (let i = 0; i < 50_000; i++) {
    const spend = Math.round(random() * 500_000) / 100;
    customers.push([`c${i}`, "Lost", spend]);
    cents += Math.round(spend * 100);
  }
  const flows = segmentMigration(run("2025", "f1", []), {
    ...run("2026", "f2", []),
    ids: customers.map(([id]) => id),
    segments: ["Lost"],
    segment: customers.map(() => 0),
    revenue: customers.map(([, , spend]) => spend),
  }).flows;
  assertEquals(flows.length, 1);
  // Added as dollars, the sum drifts past the 6th decimal at this size.
  let dollars = 0;
  for (const [, , spend] of customers) dollars += spend;
  assertEquals(Math.round(dollars * 1e6) === Math.round(cents * 1e4), false);
  assertEquals(flows[0].revenue, cents / 100);
});
