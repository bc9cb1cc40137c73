import { assertEquals } from "../../assert.ts";
import {
  customerBatches,
  uploadCustomerTable,
} from "../../../src/analysis/segments/customer_table.ts";
import { customerGroupsOf } from "../../../src/figures/segments/customer_groups.ts";
import { closeDataset, createDataset } from "../../../src/source/dataset.ts";

Deno.test("the customer table gives back every customer's labels and spend in batches, ids ascending", async () => {
  const data = await createDataset({ sales: [] });
  try {
    const groups = customerGroupsOf([
      { id: "c", segment: "Lost", cluster: "2. Fuel", monetary: 3.25 },
      { id: "a", segment: "Champions", monetary: -1 },
      { id: "b", segment: "Lost", cluster: "1. Books", monetary: 0.1 },
    ]);
    const table = await uploadCustomerTable(data, groups);
    assertEquals(table.count, 3);
    const seen: string[] = [];
    const sizes: number[] = [];
    for await (const batch of customerBatches(data, table, 2)) {
      sizes.push(batch.ids.length);
      batch.ids.forEach((id, i) => {
        seen.push(
          [
            id,
            table.segments[batch.segment[i]],
            table.clusters[batch.cluster[i]],
            batch.monetary[i],
          ].join("|"),
        );
      });
    }
    assertEquals(sizes, [2, 1]);
    assertEquals(seen, [
      "a|Champions|(none)|-1",
      "b|Lost|1. Books|0.1",
      "c|Lost|2. Fuel|3.25",
    ]);
  } finally {
    closeDataset(data);
  }
});
