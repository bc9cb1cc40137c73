import { assertEquals, assertStringIncludes } from "../assert.ts";
import { NO_CUSTOMER_GROUPS } from "../../src/figures/segments/customer_groups.ts";
import { numberFormats } from "../../src/figures/format/number_formats.ts";
import { valueFigures } from "../../src/figures/value/value_figures.ts";
import { valueMethodNotes } from "../../src/report/customers/value_method_notes.ts";
import { cdnowHistories } from "../figures/value/cdnow_reference.ts";

const FORMAT = numberFormats({});

Deno.test("valueMethodNotes() says when the models were fitted on a seeded sample, and says nothing of it otherwise", () => {
  const h = cdnowHistories();
  const figures = valueFigures(h, NO_CUSTOMER_GROUPS, {}, h);
  const plain = valueMethodNotes(figures, FORMAT).map(String);
  assertEquals(plain.length, 2);
  assertEquals(plain.some((note) => note.includes("sample")), false);
  const sampled = valueMethodNotes({
    ...figures,
    fitSample: 1_000,
    holdout: { ...figures.holdout!, fitSample: 900 },
  }, FORMAT).map(String);
  assertEquals(sampled.length, 3);
  assertStringIncludes(
    sampled[2],
    "With 2,357 customers, too many to fit on all, the models were fitted on a seeded sample of 1,000 of them (--seed), and every customer was then predicted with the fitted parameters; the holdout check's models were fitted on a seeded sample of 900 of the 2,357 customers before --holdout-from.",
  );
});
