import { assertEquals } from "../assert.ts";
import {
  filterHash,
  isFiltered,
  parseFilterHash,
} from "../../src/report/filter_state.ts";

Deno.test("filterHash() and parseFilterHash() round-trip every filter, names with symbols included", () => {
  const state = {
    categories: ["Home & Garden", "Books"],
    regions: ["North/East"],
    stores: ["Store #1"],
    channels: ["e-Shop"],
    segments: ["Can't Lose Them"],
    clusters: ["Books + Comics"],
    from: "2025-07-01",
    to: "2025-07-31",
  };
  assertEquals(parseFilterHash(filterHash(state)), state);
});

Deno.test("an empty filter state has an empty hash and is not filtered", () => {
  assertEquals(filterHash({}), "");
  assertEquals(isFiltered({}), false);
  assertEquals(isFiltered(parseFilterHash("#segment=Champions")), true);
});

Deno.test("parseFilterHash() ignores unknown keys and malformed dates", () => {
  assertEquals(parseFilterHash("#colour=red&from=yesterday&to=2025-01-31"), {
    to: "2025-01-31",
  });
});
