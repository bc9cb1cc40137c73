import { assertEquals, assertThrows } from "../../assert.ts";
import { scanSegmentSnapshot } from "../../../src/figures/segments/read_segment_snapshot.ts";
import { formatSegmentSnapshot } from "../../../src/figures/segments/segment_snapshot.ts";

const RUN = "20260102T030405Z";

const TEXT = formatSegmentSnapshot({
  runId: RUN,
  generatedAt: "",
  asOf: "2026-01-01",
  source: "fixture",
  fingerprint: "f",
  ids: ["a", 'q"uote\\d', "\u00e9"],
  segments: ["Lost", "At Risk"],
  segment: [0, 1, 0],
  revenue: [1.5, -0.125, 3],
});

Deno.test("scanSegmentSnapshot() reads a segments file's header and gives its customers as rows, escapes read as JSON reads them", () => {
  const { rows, ...header } = scanSegmentSnapshot(TEXT, "s.json", RUN);
  assertEquals(header, {
    runId: RUN,
    generatedAt: "2026-01-02T03:04:05Z",
    asOf: "2026-01-01",
    source: "fixture",
    fingerprint: "f",
    segments: ["At Risk", "Lost"],
    count: 3,
  });
  assertEquals([...rows()], [
    ["a", "Lost", 1.5],
    ['q"uote\\d', "At Risk", -0.12],
    ["\u00e9", "Lost", 3],
  ]);
  assertEquals(
    [...scanSegmentSnapshot(TEXT.replace(",3]", ",3e2]"), "s.json", RUN).rows()]
      .map((row) => row[2]),
    [1.5, -0.12, 300],
  );
  // Any JSON spacing and order of members reads the same.
  const spaced = JSON.stringify(JSON.parse(TEXT), null, 2);
  assertEquals(
    [...scanSegmentSnapshot(spaced, "s.json", RUN).rows()],
    [...rows()],
  );
});

Deno.test("scanSegmentSnapshot() checks the whole file at once and names it, the customer and the place", () => {
  const fails = (text: string, message: string) =>
    assertThrows(
      () => scanSegmentSnapshot(text, "r/segments.json", RUN),
      SyntaxError,
      `Cannot read the segments in "r/segments.json": ${message}`,
    );
  fails(TEXT.replace('"segment":"BAB"', '"segment":"BA"'), "its ids, segments");
  fails(TEXT.replace(",-0.12,", ","), "its ids, segments and revenues");
  fails(TEXT.replace(",-0.12,", ',"-0.12",'), 'customer 2 ("q\\"uote');
  fails(TEXT.replace('"a",', "7,"), "customer 1 (7) is not readable");
  // An id whose escape JSON does not know is no JSON, at the id.
  fails(
    TEXT.replace('"a",', '"\\x",'),
    `it is not JSON (at character ${TEXT.indexOf('"a",') + 1})`,
  );
  fails(TEXT.replace('"BAB"', '"BZB"'), "customer 2 (");
  fails(TEXT.replace(",-0.12,", ",-0.12 1,"), "it is not JSON (at character");
  fails(TEXT.slice(0, -3), "it is not JSON");
  fails(TEXT + "{}", "it is not JSON");
  fails('{"schema":"other"}', 'its schema is "other"');
  fails("[]", "it is not JSON (at character 1)");
});
