/**
 * The value stage reads the customers in batches from the engine: the
 * same figures, to the bit, whatever the batches, as valueFigures() over
 * every history in memory; above its bound the models are fitted on a
 * seeded sample, the one seededSample picks of the customers in id order.
 */
import { assertEquals, assertNotEquals, assertOk } from "../assert.ts";
import {
  type CustomerTable,
  readCustomerGroups,
} from "../../src/analysis/segments/customer_table.ts";
import {
  historiesTable,
  purchaseHistories,
  readHistories,
} from "../../src/analysis/segments/purchase_histories.ts";
import type { CustomerGroups } from "../../src/figures/segments/customer_groups.ts";
import { fitValueModels } from "../../src/figures/value/fit_value_models.ts";
import type { HoldoutHistories } from "../../src/figures/value/holdout_figures.ts";
import { valueFigures } from "../../src/figures/value/value_figures.ts";
import { customerFigures } from "../../src/pipeline/customer_figures.ts";
import {
  customerValueFigures,
  type CustomerValueFiguresOptions,
} from "../../src/pipeline/customer_value_figures.ts";
import {
  closeDataset,
  type Dataset,
  queryRows,
} from "../../src/source/dataset.ts";
import { openSource } from "../../src/source/open_source.ts";
import { seededSample } from "../../src/stats/seeded_sample.ts";

/** A small simulated chain, segmented, with its customer table. */
async function simulated(): Promise<
  { data: Dataset; groups: CustomerGroups; table: CustomerTable }
> {
  const { dataset: data } = await openSource({
    seed: 3,
    simulate: { lines: 12_000, days: 120 },
  });
  const customers = await customerFigures(data, { seed: 3 });
  assertOk(customers);
  const table = customers.table;
  return { data, groups: await readCustomerGroups(data, table), table };
}

Deno.test("customerValueFigures() gives the same figures in batches of 2 as in one, and as valueFigures() over every history in memory", async () => {
  const { data, groups, table } = await simulated();
  try {
    // The holdout: the last month's purchases.
    const [{ last }] = await queryRows<{ last: string }>(
      data,
      "SELECT CAST(max(date) AS VARCHAR) AS last FROM sales",
    );
    const holdoutFrom = `${last.slice(0, 8)}01`;
    const options: CustomerValueFiguresOptions = { seed: 3, holdoutFrom };
    const one = await customerValueFigures(data, table, {
      ...options,
      batchRows: 1_000_000,
    });
    assertOk(one.fitted, JSON.stringify(one));
    assertOk(one.holdout?.fitted, JSON.stringify(one.holdout));
    assertOk(one.byCluster.length > 1 && one.top.length === 20);
    assertEquals(one.fitSample, undefined);
    assertOk(one.customers > 500, `${one.customers} customers`);
    assertEquals(
      await customerValueFigures(data, table, { ...options, batchRows: 2 }),
      one,
    );
    // The 99th percentile found over more passes, holding 3 values.
    assertEquals(
      await customerValueFigures(data, table, {
        ...options,
        batchRows: 97,
        held: 3,
      }),
      one,
    );
    const histories = await purchaseHistories(data);
    const calibration = await purchaseHistories(data, {
      holdoutFrom,
    }) as HoldoutHistories;
    assertEquals(valueFigures(histories, groups, {}, calibration), one);
  } finally {
    closeDataset(data);
  }
});

Deno.test("customerValueFigures() fits the models on a seeded sample above its bound, the customers seededSample picks in id order, and predicts everyone", async () => {
  const { data, table } = await simulated();
  try {
    const all = await customerValueFigures(data, table, { seed: 5 });
    const sampled = await customerValueFigures(data, table, {
      seed: 5,
      sampleAbove: 400,
      batchRows: 333,
    });
    assertOk(all.fitted && sampled.fitted);
    assertEquals(sampled.fitSample, 400);
    assertEquals(sampled.params.bgNbd.customers, 400);
    assertEquals(sampled.customers, all.customers);
    assertEquals(
      sampled.bySegment.reduce((n, r) => n + r.customers, 0),
      all.customers,
    );
    assertNotEquals(sampled.params.bgNbd.r, all.params.bgNbd.r);
    // The same seed, the same fit; another seed, another sample.
    assertEquals(
      await customerValueFigures(data, table, { seed: 5, sampleAbove: 400 }),
      sampled,
    );
    const other = await customerValueFigures(data, table, {
      seed: 6,
      sampleAbove: 400,
    });
    assertOk(other.fitted);
    assertNotEquals(other.params.bgNbd.r, sampled.params.bgNbd.r);
    // The sample is the histories seededSample picks of them all in id
    // order: fitted in memory, the same parameters.
    const every = await purchaseHistories(data);
    const picked = Array.from(seededSample(every.customers.length, 400, 5));
    const pick = (column: ArrayLike<number>) => picked.map((i) => column[i]);
    const models = fitValueModels({
      customers: picked.map((i) => every.customers[i]),
      x: pick(every.x),
      tx: pick(every.tx),
      T: pick(every.T),
      zbar: pick(every.zbar),
    });
    assertOk(models.fitted);
    assertEquals(
      {
        ...models.bgNbd.params,
        logLikelihood: models.bgNbd.logLikelihood,
        iterations: models.bgNbd.iterations,
        customers: models.bgNbd.customers,
      },
      sampled.params.bgNbd,
    );
    const table400 = await historiesTable(data, { name: "sample_check" });
    const read = await readHistories(data, table400, {
      sample: { size: 400, seed: 5 },
    });
    assertEquals(read.customers, picked.map((i) => every.customers[i]));
  } finally {
    closeDataset(data);
  }
});
