import { assertEquals, assertOk } from "../../assert.ts";
import { createDataset } from "../../../src/source/dataset.ts";
import { clusterCustomers } from "../../../src/analysis/segments/cluster_customers.ts";
import { clusterLiftCells } from "../../../src/figures/segments/cluster_lift_cells.ts";
import { rfmTable } from "../../../src/analysis/segments/rfm_table.ts";
import { segmentClusterCrossTab } from "../../../src/figures/segments/segment_cluster_cross_tab.ts";
import { clusterFixture } from "./cluster_fixture.ts";
import { saleLine } from "../sale_line.ts";

Deno.test("clusterCustomers() finds the three kinds of customers and names them by what they buy", async () => {
  const data = await createDataset(clusterFixture());
  const result = await clusterCustomers(data);
  assertEquals(result.k, 3);
  assertEquals(result.customers, 36);
  assertEquals(result.clusters.map((c) => c.size), [12, 12, 12]);
  assertEquals(
    result.clusters.map((c) => c.topSubCategories[0].label).sort(),
    ["Books: Comics", "Clothing: Mens", "Footwear: Mens"],
  );
  for (const cluster of result.clusters) {
    const { customerIds, clusters } = result.assignments;
    const members = customerIds.filter((_, i) => clusters[i] === cluster.id)
      .map((id) => id.split("-")[0]);
    assertEquals(new Set(members).size, 1, cluster.name);
  }
  assertEquals(
    result.clusters.map((c) => c.name).sort(),
    ["Comics", "Men's clothing", "Men's footwear"],
  );
});

Deno.test("clusterCustomers() gives the same labels for the same seed", async () => {
  const data = await createDataset(clusterFixture());
  const a = await clusterCustomers(data, { seed: 9 });
  const b = await clusterCustomers(data, { seed: 9 });
  assertEquals(a.assignments, b.assignments);
  assertEquals(JSON.stringify(a), JSON.stringify(b));
});

Deno.test("clusterCustomers() returns plain data that survives JSON, and the assignments as columns", async () => {
  const data = await createDataset(clusterFixture());
  const { assignments, ...result } = await clusterCustomers(data);
  assertEquals(JSON.parse(JSON.stringify(result)), result);
  assertOk(assignments.clusters instanceof Uint16Array);
  assertEquals(assignments.clusters.length, assignments.customerIds.length);
  assertEquals(
    result.clusters.map((c) => c.size),
    result.clusters.map((c) =>
      assignments.clusters.filter((id) => id === c.id).length
    ),
  );
});

Deno.test("clusterCustomers() reports explained variance, silhouettes by k and exact scoring", async () => {
  const data = await createDataset(clusterFixture());
  const result = await clusterCustomers(data);
  assertEquals(result.explainedVariance.length, 3);
  assertEquals(
    result.explainedVariance.filter((c) => c.kept).length,
    result.components,
  );
  assertOk(
    result.explainedVariance[result.components - 1].cumulative >= 0.8,
  );
  assertEquals(result.silhouetteByK.map((s) => s.k), [2, 3, 4, 5, 6, 7, 8]);
  assertEquals(
    result.silhouette,
    Math.max(...result.silhouetteByK.map((s) => s.silhouette!)),
  );
  assertEquals(result.sampleSize, null);
  assertEquals(result.scatter.points.length, 36);
  assertEquals(result.scatter.sampleSize, null);
});

Deno.test("clusterCustomers() samples the scatter and the fit above the stated sizes", async () => {
  const data = await createDataset(clusterFixture());
  const result = await clusterCustomers(data, {
    scatterSize: 10,
    exactLimit: 20,
    sampleSize: 18,
  });
  assertEquals(result.sampleSize, 18);
  assertEquals(result.assignments.customerIds.length, 36);
  assertEquals(result.assignments.clusters.length, 36);
  assertEquals(result.scatter.points.length, 10);
  assertEquals(result.scatter.sampleSize, 10);
  assertEquals(result.scatter.total, 36);
});

Deno.test("clusterCustomers() profiles the RFM segment mix and demographics", async () => {
  const data = await createDataset(clusterFixture());
  const result = await clusterCustomers(data);
  for (const cluster of result.clusters) {
    assertEquals(
      cluster.segmentMix.reduce((s, m) => s + m.customers, 0),
      cluster.size,
    );
    assertEquals(cluster.segmentMix.length, 11);
    const demographics = cluster.demographics!;
    assertEquals(
      demographics.ageBands.map((b) => b.name),
      [
        "Under 25",
        "25–34",
        "35–44",
        "45–54",
        "55–64",
        "65 and over",
        "Unknown",
      ],
    );
    assertEquals(
      demographics.ageBands.reduce((s, b) => s + b.customers, 0),
      cluster.size,
    );
    assertEquals(demographics.genders.map((g) => g.name).sort(), [
      "F",
      "M",
      "Unknown",
    ]);
    assertEquals(demographics.cities.map((c) => c.customers), [3, 3, 3, 3]);
  }
});

Deno.test("clusterCustomers() has no demographics without a customers table", async () => {
  const data = await createDataset({ sales: clusterFixture().sales });
  const result = await clusterCustomers(data);
  assertEquals(result.clusters.every((c) => c.demographics === null), true);
});

Deno.test("clusterCustomers() leaves out customers with only returns, as RFM does", async () => {
  const { sales, customers } = clusterFixture();
  const returner = saleLine({
    customer_id: "returns-only",
    transaction_id: "r1",
    date: "2024-02-10",
    amount: -40,
  });
  const data = await createDataset({ sales: [...sales, returner], customers });
  const result = await clusterCustomers(data);
  assertEquals(result.customers, 36);
  assertEquals(
    result.assignments.customerIds.includes("returns-only"),
    false,
  );
});

Deno.test("clusterCustomers() clusters on spend shares on request", async () => {
  const data = await createDataset(clusterFixture());
  const result = await clusterCustomers(data, { share: true });
  assertEquals(result.share, true);
  assertEquals(result.k, 3);
});

Deno.test("clusterCustomers() puts identical customers in one cluster", async () => {
  const sales = ["a", "b", "c", "d"].map((id) =>
    saleLine({ customer_id: id, amount: 20 })
  );
  const result = await clusterCustomers(await createDataset({ sales }));
  assertEquals(result.k, 1);
  assertEquals(result.clusters.map((c) => [c.size, c.name]), [[
    4,
    "Mixed baskets",
  ]]);
  assertEquals(result.note, "All 4 customers buy the same: one cluster");
});

Deno.test("clusterCustomers() clusters customers with one purchase each", async () => {
  const sales = Array.from({ length: 9 }, (_, i) =>
    saleLine({
      customer_id: `c${i}`,
      transaction_id: `t${i}`,
      sub_category: ["Comics", "DIY", "Fiction"][i % 3],
      amount: 10 + i,
    }));
  const result = await clusterCustomers(await createDataset({ sales }));
  assertEquals(result.k, 3);
  assertEquals(result.clusters.map((c) => c.size), [3, 3, 3]);
});

Deno.test("segmentClusterCrossTab() counts every clustered, scored customer once", async () => {
  const data = await createDataset(clusterFixture());
  const rfm = await rfmTable(data);
  const clusters = await clusterCustomers(data, { rfm });
  const cells = segmentClusterCrossTab(rfm, clusters);
  assertEquals(cells.length, 11 * clusters.k);
  assertEquals(cells.reduce((s, c) => s + c.customers, 0), 36);
  // The same when the clustered customers come in another order, and
  // without those that are not scored.
  // Every customer but the first, last to first.
  const order = clusters.assignments.customerIds.map((_, i) => i).slice(1)
    .reverse();
  const shuffled = {
    customerIds: order.map((i) => clusters.assignments.customerIds[i]),
    clusters: Uint16Array.from(order, (i) => clusters.assignments.clusters[i]),
  };
  const unscored = clusters.assignments.customerIds.length - 1;
  const fewer = segmentClusterCrossTab(rfm, {
    clusters: clusters.clusters,
    assignments: {
      customerIds: [...shuffled.customerIds, "nobody"],
      clusters: Uint16Array.of(...shuffled.clusters, 1),
    },
  });
  assertEquals(fewer.reduce((s, c) => s + c.customers, 0), unscored);
  const first = clusters.assignments.customerIds[0];
  const firstCluster = clusters.assignments.clusters[0];
  const firstSegment = rfm.columns.segmentNames[rfm.columns.segment[0]];
  assertEquals(
    fewer.map((c) =>
      c.customers +
      (c.cluster === firstCluster && c.segment === firstSegment ? 1 : 0)
    ),
    cells.map((c) => c.customers),
    first,
  );
  for (const cluster of clusters.clusters) {
    const mine = cells.filter((c) => c.cluster === cluster.id);
    assertEquals(
      mine.map((c) => c.customers),
      cluster.segmentMix.map((m) => m.customers),
    );
  }
});

Deno.test("clusterLiftCells() lays out every cluster and feature", async () => {
  const data = await createDataset(clusterFixture());
  const result = await clusterCustomers(data);
  const cells = clusterLiftCells(result);
  assertEquals(cells.length, result.k * result.features.length);
  const top = result.clusters[0].topSubCategories[0];
  assertEquals(
    cells.find((c) => c.cluster === 1 && c.key === top.key)!.lift,
    top.lift,
  );
});

Deno.test("clusterCustomers() tolerates a sub-category no customer bought", async () => {
  const { sales, customers } = clusterFixture();
  const anonymous = saleLine({
    customer_id: null,
    category: "Books",
    sub_category: "DIY",
    amount: 12,
  });
  const data = await createDataset({ sales: [...sales, anonymous], customers });
  const result = await clusterCustomers(data);
  const diy = result.features.findIndex((f) => f.label === "Books: DIY");
  assertOk(diy >= 0);
  assertEquals(result.k, 3);
  assertEquals(result.clusters.map((c) => c.lift[diy]), [null, null, null]);
});

Deno.test("clusterCustomers() leaves out lines after the as-of date, as rfmTable does", async () => {
  const data = await createDataset(clusterFixture());
  const rfm = await rfmTable(data, { asOf: "2024-02-08" });
  const result = await clusterCustomers(data, { asOf: "2024-02-08" });
  assertOk(result.customers < 36);
  assertEquals(
    result.assignments.customerIds,
    rfm.rows.map((r) => r.customerId),
  );
});
