import { assertEquals, assertOk, assertRejects } from "../../assert.ts";
import {
  createCustomerTable,
  customerBatches,
  uploadCustomerTable,
} from "../../../src/analysis/segments/customer_table.ts";
import {
  appendClusters,
  createClusterTable,
  readAssignments,
  segmentCountsOf,
} from "../../../src/analysis/segments/cluster_table.ts";
import { scoreCustomers } from "../../../src/analysis/segments/score_customers.ts";
import { saleLine } from "../sale_line.ts";
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

Deno.test("the customer table is built in the engine from the scored customers and their clusters", async () => {
  const data = await createDataset({
    sales: ["b", "a", "d", "c"].map((id, i) =>
      saleLine({
        customer_id: id,
        transaction_id: `t${i}`,
        date: `2024-01-0${i + 1}`,
        amount: 10 * (i + 1),
      })
    ),
  });
  try {
    const scored = await scoreCustomers(data);
    await createClusterTable(data, "test_clusters");
    // "c" has no cluster; "a" and "d" are in a cluster without a label.
    await appendClusters(data, "test_clusters", ["b", "a"], [1, 2]);
    await appendClusters(data, "test_clusters", ["d"], [2]);
    const table = await createCustomerTable(
      data,
      scored,
      "test_clusters",
      new Map([[1, "1. Comics"]]),
    );
    assertEquals(table.count, 4);
    assertEquals(table.clusters, ["(none)", "1. Comics"]);
    const rows: string[] = [];
    for await (const batch of customerBatches(data, table, 3)) {
      batch.ids.forEach((id, i) =>
        rows.push(
          `${id} ${table.clusters[batch.cluster[i]]} ${batch.monetary[i]}`,
        )
      );
    }
    assertEquals(rows, [
      "a (none) 20",
      "b 1. Comics 10",
      "c (none) 40",
      "d (none) 30",
    ]);
    assertEquals(
      (await segmentCountsOf(data, "test_clusters", scored, 2)).map((m) =>
        [...m.values()].reduce((a, b) => a + b, 0)
      ),
      [1, 2],
    );
    assertEquals(await readAssignments(data, "test_clusters"), {
      customerIds: ["a", "b", "d"],
      clusters: Uint16Array.of(2, 1, 2),
    });
  } finally {
    closeDataset(data);
  }
});

Deno.test("a second customer table leaves the first one's handle true, and a label a handle does not know is an error", async () => {
  const data = await createDataset({ sales: [] });
  try {
    const first = await uploadCustomerTable(
      data,
      customerGroupsOf([{ id: "a", segment: "Champions", monetary: 5 }]),
    );
    const second = await uploadCustomerTable(
      data,
      customerGroupsOf([{ id: "a", segment: "Lost", monetary: 6 }]),
    );
    assertOk(first.name !== second.name);
    const read = async (table: typeof first) => {
      const rows: string[] = [];
      for await (const batch of customerBatches(data, table)) {
        rows.push(
          `${batch.ids[0]} ${table.segments[batch.segment[0]]} ${
            batch.monetary[0]
          }`,
        );
      }
      return rows;
    };
    assertEquals(await read(first), ["a Champions 5"]);
    assertEquals(await read(second), ["a Lost 6"]);
    await assertRejects(
      () => read({ ...second, segments: ["Champions"] }),
      Error,
      'customer "a" has the labels "Lost" and "(none)", not among the table\'s',
    );
  } finally {
    closeDataset(data);
  }
});
