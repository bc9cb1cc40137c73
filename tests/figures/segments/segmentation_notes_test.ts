import { assertOk } from "../../assert.ts";
import {
  CLUSTER_METHOD_NOTES,
  RFM_METHOD_NOTES,
} from "../../../src/figures/segments/segmentation_notes.ts";
import { DEFAULT_SEGMENT_MAP } from "../../../src/figures/segments/rfm_segment_map.ts";

const range = (axis: string, [low, high]: readonly [number, number]) =>
  low === high ? `${axis}${low}` : `${axis}${low}–${high}`;

Deno.test("RFM_METHOD_NOTES states every segment of the default map with its score ranges", () => {
  const notes = RFM_METHOD_NOTES.join("\n");
  for (const rule of DEFAULT_SEGMENT_MAP) {
    const text = `${rule.segment} (${range("R", rule.recency)}, ${
      range("F", rule.frequency)
    })`;
    assertOk(notes.includes(text), `missing "${text}"`);
  }
});

Deno.test("the method notes say how returns count", () => {
  assertOk(RFM_METHOD_NOTES.some((p) => p.startsWith("Returns:")));
  assertOk(CLUSTER_METHOD_NOTES.some((p) => p.includes("only returns")));
});
