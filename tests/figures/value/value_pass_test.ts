import { assertEquals, assertOk } from "../../assert.ts";
import { fitValueModels } from "../../../src/figures/value/fit_value_models.ts";
import {
  valueBinCounter,
  valueBins,
} from "../../../src/figures/value/value_bins.ts";
import {
  valueFigures,
  valueSettings,
} from "../../../src/figures/value/value_figures.ts";
import {
  type ValueBatch,
  valuePass,
} from "../../../src/figures/value/value_pass.ts";
import { seededRandom } from "../../../src/stats/seeded_random.ts";
import { cdnowGroups, cdnowHistories } from "./cdnow_reference.ts";

/** CDNOW's histories with made-up labels, the second of every 7 with none. */
function labelled(scale = 1): ValueBatch {
  const h = cdnowHistories();
  return {
    ...h,
    zbar: Array.from(h.zbar, (z) => z * scale),
    segment: h.customers.map((_, i) =>
      i % 7 === 1 ? null : ["Champions", "At Risk", "Lost"][i % 3]
    ),
    cluster: h.customers.map((_, i) => `${1 + (i % 2)}. Cluster`),
  };
}

function slice(batch: ValueBatch, from: number, to: number): ValueBatch {
  return {
    customers: batch.customers.slice(from, to),
    x: Array.from(batch.x).slice(from, to),
    tx: Array.from(batch.tx).slice(from, to),
    T: Array.from(batch.T).slice(from, to),
    zbar: Array.from(batch.zbar).slice(from, to),
    segment: Array.from(batch.segment).slice(from, to),
    cluster: Array.from(batch.cluster).slice(from, to),
  };
}

/** The pass's figures over `all` read in batches of `size`; the passes it took. */
function run(all: ValueBatch, size: number, held?: number) {
  const models = fitValueModels(all);
  assertOk(models.fitted);
  const n = all.customers.length;
  const pass = valuePass(models, {
    settings: valueSettings({}),
    customers: n,
    top: 20,
    clustered: true,
    ...(held ? { held } : {}),
  });
  for (let i = 0; i < n; i += size) pass.add(slice(all, i, i + size));
  let passes = 1;
  for (; !pass.endPass(); passes++) {
    for (let i = 0; i < n; i += size) pass.readAgain(slice(all, i, i + size));
  }
  return { figures: pass.figures(), passes };
}

Deno.test("valuePass() gives the same figures, to the bit, in batches of 2 as in one", () => {
  const all = labelled();
  const one = run(all, all.customers.length);
  assertEquals(one.passes, 1);
  assertEquals(run(all, 2), one);
  assertEquals(run(all, 999), one);
  // And as valueFigures() with the customers' groups.
  const figures = valueFigures(cdnowHistories(), cdnowGroups());
  assertOk(figures.fitted);
  const { figures: plain } = run({
    ...all,
    segment: all.customers.map((_, i) =>
      ["Champions", "At Risk", "Lost"][i % 3]
    ),
  }, 100);
  assertEquals(plain.distribution, figures.distribution);
  assertEquals(plain.bySegment, figures.bySegment);
  assertEquals(plain.top, figures.top);
  assertEquals(plain.totals, figures.totals);
  assertEquals(plain.aliveGrid, figures.aliveGrid);
  // The customers without a segment are "(none)", and so in no other row.
  const none = run(all, 50).figures.bySegment.find((r) => r.group === "(none)");
  assertEquals(
    none?.customers,
    all.customers.filter((_, i) => i % 7 === 1).length,
  );
});

Deno.test("valuePass() reads the customers again for the 99th percentile when the values above it do not fit, and finds the same bars", () => {
  const all = labelled();
  const one = run(all, all.customers.length);
  const narrowed = run(all, 37, 5);
  assertOk(narrowed.passes > 1, `${narrowed.passes} passes`);
  assertEquals(narrowed.figures, one.figures);
});

Deno.test("valuePass() counts the bars again when the percentile's width is not among those counted", () => {
  // Spend of 10⁻¹⁵ a purchase: a 99th percentile far under 10⁻¹¹.
  const all = labelled(1e-15);
  const { figures, passes } = run(all, 64);
  assertEquals(passes, 2);
  const models = fitValueModels(all);
  assertOk(models.fitted);
  const values: number[] = [];
  // The bars valueBins gives of the same values.
  const pass = valuePass(models, {
    settings: valueSettings({}),
    customers: all.customers.length,
    top: all.customers.length,
    clustered: false,
  });
  pass.add(all);
  while (!pass.endPass()) pass.readAgain(all);
  for (const t of pass.figures().top) values.push(t.value);
  assertOk(figures.distribution[0].to < 1e-11);
  assertEquals(figures.distribution, valueBins(values));
});

Deno.test("valueBinCounter() counts the bars valueBins() gives, whatever the values' scale", () => {
  const random = seededRandom(11);
  for (const scale of [1e-9, 0.37, 1, 3, 250, 1e6, 4e17]) {
    for (const n of [1, 2, 99, 1000]) {
      const values = Array.from(
        { length: n },
        (_, i) => i % 97 === 3 ? 0 : scale * Math.exp(4 * random()),
      );
      const counter = valueBinCounter();
      for (let i = 0; i < n; i += 13) counter.add(values.slice(i, i + 13));
      const top = Float64Array.from(values).sort()[
        Math.min(n - 1, Math.floor(0.99 * (n - 1)))
      ];
      assertEquals(counter.bins(top), valueBins(values), `${scale} × ${n}`);
    }
  }
  // A percentile of a width it does not count: null, not wrong bars.
  assertEquals(valueBinCounter().bins(1e-14), null);
});
