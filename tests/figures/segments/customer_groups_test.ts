import { assertEquals, assertThrows } from "../../assert.ts";
import {
  customerGroups,
  customerGroupsOf,
  findId,
  groupCluster,
  groupIndex,
  groupRows,
  groupSegment,
  idOrder,
} from "../../../src/figures/segments/customer_groups.ts";

/** Ids in no order, some alike but for case, digits or a character past the BMP. */
const IDS = [
  "10",
  "9",
  "a",
  "B",
  "b",
  "",
  "ä",
  "z\u{1F600}",
  "z\uFFFF",
  "C100",
  "C20",
  " 7",
];

Deno.test("findId() finds every id as a map of them would, and no other", () => {
  const order = idOrder(IDS);
  const map = new Map(IDS.map((id, i) => [id, i]));
  for (const id of [...IDS, "c", "11", "zz", "\u0000", "ä "]) {
    assertEquals(findId(IDS, order, id), map.get(id) ?? -1, id);
  }
  // An id listed twice: the last one, as a map keeps.
  const twice = ["x", "y", "x", "w"];
  assertEquals(findId(twice, idOrder(twice), "x"), 2);
  assertEquals(findId([], idOrder([]), "x"), -1);
});

Deno.test("customerGroups() codes each label into its list of names and looks customers up by id", () => {
  const segments = ["Lost", "Champions", "Lost", "At Risk"];
  const groups = customerGroups({
    ids: ["d", "a", "c", "b"],
    segment: (i) => segments[i],
    cluster: (i) => (i % 2 ? "1. Books" : "(none)"),
    monetary: (i) => i * 1.5,
  });
  assertEquals(groups.segments, ["Lost", "Champions", "At Risk"]);
  assertEquals([...groups.segment], [0, 1, 0, 2]);
  assertEquals(groups.clusters, ["(none)", "1. Books"]);
  assertEquals([...groups.monetary], [0, 1.5, 3, 4.5]);
  const b = groupIndex(groups, "b");
  assertEquals([groupSegment(groups, b), groupCluster(groups, b)], [
    "At Risk",
    "1. Books",
  ]);
  assertEquals(groupIndex(groups, "e"), -1);
  assertEquals([...groupRows(groups, null)], [
    ["d", "Lost", null],
    ["a", "Champions", "1. Books"],
    ["c", "Lost", null],
    ["b", "At Risk", "1. Books"],
  ]);
  assertEquals([...groupRows(groups)][0], ["d", "Lost", "(none)"]);
});

Deno.test("customerGroupsOf() takes one object per customer, with no cluster and no spend by default", () => {
  const groups = customerGroupsOf([{ id: "x", segment: "Lost" }]);
  assertEquals(groupCluster(groups, 0), "(none)");
  assertEquals([...groups.monetary], [0]);
});

Deno.test("customerGroups() refuses more labels than its codes hold", () => {
  assertThrows(
    () =>
      customerGroups({
        ids: Array.from({ length: 70_000 }, (_, i) => String(i)),
        segment: (i) => `S${i}`,
      }),
    RangeError,
    "Cannot label the customers: over 65536 distinct labels",
  );
});
