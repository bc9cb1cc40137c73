import { readAssignments } from "../../../src/analysis/segments/cluster_table.ts";
import { assertAlmostEquals, assertEquals, assertOk } from "../../assert.ts";
import { openSource } from "../../../src/source/open_source.ts";
import {
  closeDataset,
  type Dataset,
  queryRows,
} from "../../../src/source/dataset.ts";
import {
  clusterProfiles,
  type CustomerDetails,
} from "../../../src/figures/segments/cluster_profiles.ts";
import { clusterCustomers } from "../../../src/analysis/segments/cluster_customers.ts";
import { customerFeatures } from "../../../src/analysis/segments/customer_features.ts";
import { rfmTable } from "../../../src/analysis/segments/rfm_table.ts";
import {
  type ClusterModel,
  sampledClusters,
} from "../../../src/analysis/segments/sampled_clusters.ts";
import { fitClusters } from "../../../src/stats/fit_clusters.ts";
import { seededSample } from "../../../src/stats/seeded_sample.ts";
import { takeRows } from "../../../src/stats/choose_k.ts";

const BOUND = 500;
const BATCH = 700;
const SEED = 5;

async function simulated(): Promise<Dataset> {
  const { dataset } = await openSource({
    seed: 3,
    simulate: { lines: 200_000, days: 120 },
  });
  return dataset;
}

/** Each row's nearest centroid, computed plainly on arrays of arrays. */
function nearestCentroids(
  model: ClusterModel,
  rows: number[][],
): { labels: number[]; inertia: number } {
  const dims = model.loadings.length;
  const centroids = Array.from(
    { length: model.k },
    (_, c) => Array.from(model.centroids.slice(c * dims, (c + 1) * dims)),
  );
  let inertia = 0;
  const labels = rows.map((row) => {
    const z = row.map((v, j) =>
      model.constant[j] ? 0 : (v - model.means[j]) / model.scales[j]
    );
    const scores = model.loadings.map((vector) =>
      z.reduce((s, zj, j) => s + (zj - model.pcaMeans[j]) * vector[j], 0)
    );
    const distances = centroids.map((centroid) =>
      centroid.reduce((s, m, j) => s + (scores[j] - m) ** 2, 0)
    );
    const best = Math.min(...distances);
    inertia += best;
    return distances.indexOf(best);
  });
  return { labels, inertia };
}

Deno.test({
  name:
    "above the bound, clusterCustomers() fits on a seeded sample and assigns every customer to the nearest centroid, in batches",
  sanitizeResources: false,
  sanitizeOps: false,
  fn: async () => {
    const data = await simulated();
    try {
      const rfm = await rfmTable(data);
      const n = rfm.rows.length;
      assertOk(n > 4 * BATCH, `${n} customers: too few for several batches`);
      const result = await clusterCustomers(data, {
        rfm,
        seed: SEED,
        sampleAbove: BOUND,
        assignBatch: BATCH,
      });
      const { clusters, model } = await sampledClusters(data, {
        filter: {},
        share: false,
        scored: rfm.scored,
        assignTable: "sampled_test_clusters",
        sampleSize: BOUND,
        seed: SEED,
        scatterSize: 2_000,
        varianceThreshold: 0.8,
        batch: BATCH,
        hasCustomers: data.hasCustomers,
      });
      assertEquals(result.fitSample, BOUND);
      assertEquals(result.customers, n);
      assertOk(result.k > 1, `k = ${result.k}`);
      assertEquals(
        result.assignments,
        await readAssignments(data, "sampled_test_clusters"),
        "clusterCustomers() takes the sampled path",
      );
      assertEquals(result.clusters, clusters.clusters);

      // The model is the fit of the seeded sample's rows of the full matrix.
      const full = await customerFeatures(data);
      assertEquals(full.customerIds, rfm.rows.map((r) => r.customerId));
      const sample = takeRows(full.features, seededSample(n, BOUND, SEED));
      const fit = fitClusters(sample, { seed: SEED });
      assertEquals(fit.k, model.k);
      assertEquals(Array.from(fit.centroids), Array.from(model.centroids));

      // Every customer, not only the sample, is at the nearest centroid.
      const d = full.features.cols;
      const rows = full.customerIds.map((_, i) =>
        Array.from(full.features.values.slice(i * d, (i + 1) * d))
      );
      const expected = nearestCentroids(model, rows);
      assertEquals(
        Array.from(result.assignments.clusters, (c) => c - 1),
        expected.labels,
      );
      assertAlmostEquals(result.inertia, expected.inertia, 1e-6);
      const sizes = result.clusters.map((c) =>
        expected.labels.filter((l) => l === c.id - 1).length
      );
      assertEquals(result.clusters.map((c) => c.size), sizes);
      assertEquals(sizes.reduce((a, b) => a + b, 0), n);
      // The profiles summed batch by batch are those of the whole matrix.
      assertOk(data.hasCustomers);
      const details = await queryRows<
        CustomerDetails & { customer_id: string }
      >(data, "SELECT customer_id, birth_date, gender, city FROM customers");
      assertEquals(
        result.clusters,
        clusterProfiles({
          features: full,
          labels: expected.labels,
          k: model.k,
          segments: new Map(rfm.rows.map((r) => [r.customerId, r.segment])),
          segmentMap: rfm.segmentMap,
          customers: new Map(
            details.map(({ customer_id, ...rest }) => [customer_id, rest]),
          ),
          asOf: rfm.asOf,
        }),
      );
      assertEquals(result.scatter.total, n);

      // Deterministic for a seed; the whole result survives JSON.
      const again = await clusterCustomers(data, {
        rfm,
        seed: SEED,
        sampleAbove: BOUND,
        assignBatch: 1_000,
      });
      assertEquals(JSON.stringify(again), JSON.stringify(result));

      // At or under the bound, nothing changes: no sample, the exact fit.
      const exact = await clusterCustomers(data, { rfm, seed: SEED });
      assertEquals(exact.fitSample, undefined);
    } finally {
      closeDataset(data);
    }
  },
});
