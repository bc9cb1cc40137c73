import { assertAlmostEquals, assertEquals } from "../../assert.ts";
import { denseMatrix } from "../../../src/stats/dense_matrix.ts";
import { explainedVarianceRows } from "../../../src/figures/segments/explained_variance_rows.ts";
import { pca } from "../../../src/stats/pca.ts";
import { pcaLoadings } from "../../../src/figures/segments/pca_loadings.ts";

const columns = ["Books", "Comics", "Toys"].map((label) => ({ label }));

Deno.test("pcaLoadings() lists each component's heaviest features first, by absolute weight", () => {
  const analysis = {
    loadings: [
      [0.2, -0.9, 0.4],
      [0.6, 0.6, -0.52],
      [0.1, 0.2, 0.97],
    ],
  };
  assertEquals(pcaLoadings(analysis, columns, { components: 2, top: 2 }), [
    { component: 1, rank: 1, feature: "Comics", loading: -0.9 },
    { component: 1, rank: 2, feature: "Toys", loading: 0.4 },
    { component: 2, rank: 1, feature: "Books", loading: 0.6 },
    { component: 2, rank: 2, feature: "Comics", loading: 0.6 },
  ]);
  assertEquals(pcaLoadings(analysis, columns).length, 9);
});

Deno.test("pcaLoadings() names the feature that drives the first component of real data", () => {
  // Books and Comics move together; Toys is noise of small variance.
  const analysis = pca(denseMatrix([
    [1, 2, 0.1],
    [2, 4, 0],
    [3, 6.2, 0.1],
    [4, 7.9, 0],
  ]));
  const first = pcaLoadings(analysis, columns, { components: 1, top: 3 });
  assertEquals(first.map((l) => l.feature), ["Comics", "Books", "Toys"]);
  assertAlmostEquals(first[0].loading, 0.89, 0.01);
});

Deno.test("explainedVarianceRows() adds up the shares and marks the kept components", () => {
  const rows = explainedVarianceRows({
    explainedVarianceRatio: [0.5, 0.3, 0.2],
    components: 2,
  });
  assertEquals(rows.map((r) => r.kept), [true, true, false]);
  assertEquals(rows.map((r) => r.component), [1, 2, 3]);
  assertAlmostEquals(rows[1].cumulative, 0.8, 1e-12);
  assertAlmostEquals(rows[2].cumulative, 1, 1e-12);
});
