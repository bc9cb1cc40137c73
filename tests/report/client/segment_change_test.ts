import { parseHTML } from "linkedom";
import { assertEquals } from "../../assert.ts";
import { addSegmentChange } from "../../../src/report/client/segment_change.ts";
import { segmentSizeSentence } from "../../../src/report/customers/render_migration_view.ts";
import type { SegmentMigration } from "../../../src/figures/segments/segment_migration.ts";
import { numberFormats } from "../../../src/figures/format/number_formats.ts";

const migration: SegmentMigration = {
  previous: {
    runId: "20261201T000000Z",
    generatedAt: "2026-12-01T00:00:00.000Z",
    asOf: null,
    sameData: true,
  },
  counts: { common: 10, moved: 3, stayed: 7, new: 1, gone: 1 },
  flows: [
    { from: "(new)", to: "Champions", customers: 1, revenue: 10 },
    { from: "Champions", to: "Champions", customers: 4, revenue: 40 },
    { from: "Champions", to: "At Risk", customers: 3, revenue: 30 },
    { from: "At Risk", to: "At Risk", customers: 3, revenue: 9 },
    { from: "At Risk", to: "(gone)", customers: 1, revenue: 2 },
  ],
};

function page(sentence: string | null): Document {
  return parseHTML(
    `<html><body><section id="what-changed"><ul class="takeaways"><li data-takeaway="returns">r</li></ul></section>
    <section id="migration">${
      sentence === null ? "" : `<p data-what-changed>${sentence}</p>`
    }</section></body></html>`,
  ).document as unknown as Document;
}

Deno.test("the segments that grew and shrank most since the earlier run, in one sentence", () => {
  // Champions 7 → 5 (−2), At Risk 4 → 6 (+2).
  const text = segmentSizeSentence(migration, numberFormats())!.markup
    .replace(/<[^>]+>/g, "");
  assertEquals(
    text,
    "Since the run of 2026-12-01 00:00:00 UTC, among all customers: At Risk grew most, from 4 to 6 customers (+2); Champions shrank most, from 7 to 5 customers (-2).",
  );
  const still = {
    ...migration,
    flows: migration.flows.filter((f) => f.from === f.to),
  };
  assertEquals(segmentSizeSentence(still, numberFormats()), null);
});

Deno.test('the page\'s script copies the sentence into "What changed" once, and nothing when there is none', () => {
  const document = page('<a href="#migration">At Risk</a> grew most');
  addSegmentChange(document);
  addSegmentChange(document);
  const items = [...document.querySelectorAll("#what-changed li")];
  assertEquals(items.length, 2);
  assertEquals(items[1].getAttribute("data-takeaway"), "segments");
  assertEquals(items[1].textContent, "At Risk grew most");
  const none = page(null);
  addSegmentChange(none);
  assertEquals(none.querySelectorAll("#what-changed li").length, 1);
});
