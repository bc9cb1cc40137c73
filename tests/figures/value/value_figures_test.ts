import { NO_CUSTOMER_GROUPS } from "../../../src/figures/segments/customer_groups.ts";
import { assertEquals, assertOk } from "../../assert.ts";
import { aliveGrid } from "../../../src/figures/value/alive_grid.ts";
import { fitValueModels } from "../../../src/figures/value/fit_value_models.ts";
import { valueBins } from "../../../src/figures/value/value_bins.ts";
import { valueFigures } from "../../../src/figures/value/value_figures.ts";
import { seededRandom } from "../../../src/stats/seeded_random.ts";
import { cdnowGroups, cdnowHistories, REFERENCE } from "./cdnow_reference.ts";

function close(actual: number, expected: number, relative: number) {
  return Math.abs(actual - expected) <= relative * Math.abs(expected);
}

const OPTIONS = {
  weeks: REFERENCE.horizonWeeks,
  monthlyDiscount: REFERENCE.monthlyDiscount,
};

Deno.test("valueFigures() sums SciPy's per-customer CDNOW predictions in total, by segment and by cluster", () => {
  const figures = valueFigures(cdnowHistories(), cdnowGroups(), OPTIONS);
  assertOk(figures.fitted);
  const c = REFERENCE.customers;
  const sum = (rows: typeof c, key: "discountedValue" | "expectedPurchases") =>
    rows.reduce((s, r) => s + r[key], 0);
  assertOk(close(figures.totals.value, sum(c, "discountedValue"), 1e-6));
  assertOk(
    close(figures.totals.expectedPurchases, sum(c, "expectedPurchases"), 1e-6),
  );
  assertEquals(figures.customers, 2357);
  assertEquals(figures.repeatCustomers, 946);
  const lost = c.filter((_, i) => i % 3 === 2);
  const row = figures.bySegment.find((r) => r.group === "Lost")!;
  assertEquals(row.customers, lost.length);
  assertOk(close(row.value, sum(lost, "discountedValue"), 1e-6));
  assertOk(
    close(row.averageValue, sum(lost, "discountedValue") / lost.length, 1e-6),
  );
  assertEquals(figures.byCluster.map((r) => r.customers).sort(), [1178, 1179]);
  const shares = figures.bySegment.reduce((s, r) => s + r.valueShare, 0);
  assertOk(Math.abs(shares - 1) < 1e-12);
});

Deno.test("valueFigures() lists the customers of highest value in SciPy's order", () => {
  const figures = valueFigures(cdnowHistories(), cdnowGroups(), OPTIONS);
  assertOk(figures.fitted);
  const expected = [...REFERENCE.customers].sort((a, b) =>
    b.discountedValue - a.discountedValue
  ).slice(0, 20);
  assertEquals(
    figures.top.map((t) => t.customer),
    expected.map((r) => r.customer),
  );
  figures.top.forEach((t, i) => {
    assertOk(close(t.value, expected[i].discountedValue, 1e-6), t.customer);
    assertOk(close(t.probabilityAlive, expected[i].probabilityAlive, 1e-6));
    assertOk(close(t.expectedSpend, expected[i].expectedSpend, 1e-6));
    assertEquals(t.weeksSinceLast, expected[i].T - expected[i].tx);
  });
});

Deno.test("valueFigures() checks the purchase model on the holdout as the paper does", () => {
  const h = cdnowHistories();
  const figures = valueFigures(h, NO_CUSTOMER_GROUPS, OPTIONS, h);
  const holdout = figures.holdout!;
  assertOk(holdout.fitted);
  assertEquals(holdout.params.bgNbd.r.toFixed(3), "0.243");
  assertEquals(
    holdout.rows.map((r) => [r.actual.toFixed(2), r.predicted.toFixed(2)]),
    [
      ["0.24", "0.23"],
      ["0.70", "0.52"],
      ["1.39", "1.04"],
      ["1.56", "1.52"],
      ["2.53", "2.16"],
      ["2.95", "2.65"],
      ["3.86", "3.50"],
      ["6.36", "6.16"],
    ],
  );
  assertEquals(
    holdout.actual,
    REFERENCE.customers.reduce((s, r) => s + r.holdout, 0),
  );
  // Without clusters (no groups) there is no table by cluster.
  assertOk(figures.fitted && figures.byCluster.length === 0);
});

Deno.test("valueFigures() says why when too few customers bought twice, and predicts nothing", () => {
  const h = cdnowHistories();
  const few = {
    ...h,
    x: Array.from(h.x, (x, i) => (i < 12 ? x : 0)),
  };
  const figures = valueFigures(few, NO_CUSTOMER_GROUPS, OPTIONS, few);
  assertEquals(figures.fitted, false);
  assertOk(!figures.fitted);
  const repeat = few.x.filter((x) => x > 0).length;
  assertEquals(
    figures.reason,
    `Only ${repeat} customers bought more than once (on more than one day) in the period; the purchase and spend models need at least 30`,
  );
  assertEquals(figures.holdout?.fitted, false);
  assertOk(!("top" in figures) && !("distribution" in figures));
});

Deno.test("fitValueModels() says so when the spend model cannot be fitted", () => {
  // Repeat spend of widely different orders of magnitude: the spread
  // across customers is so heavy-tailed that Gamma-Gamma's q falls to 1 or
  // below, or its search never settles.
  const h = cdnowHistories();
  const models = fitValueModels({
    ...h,
    zbar: Array.from(
      h.x,
      (x, i) => x > 0 ? Math.pow(10, (i * 7919 % 97) / 8) : 0,
    ),
  });
  assertEquals(models.fitted, false);
  assertOk(
    !models.fitted &&
      /^The spend model \(Gamma-Gamma\) did not converge|Gamma-Gamma q = .*at most 1/
        .test(models.reason),
    JSON.stringify(models),
  );
});

Deno.test("valueBins() covers every customer with round widths up to the 99th percentile", () => {
  const values = Array.from(
    { length: 1000 },
    (_, i) => i === 999 ? 1e6 : i / 10,
  );
  const bins = valueBins(values, 20);
  assertEquals(bins.reduce((n, b) => n + b.customers, 0), 1000);
  assertEquals(bins[0].to - bins[0].from, 5);
  assertEquals(bins.at(-1)!.orMore, true);
  assertOk(bins.at(-1)!.from < 100);
  assertEquals(valueBins([]), []);
  assertEquals(valueBins([0, 0]).reduce((n, b) => n + b.customers, 0), 2);
});

Deno.test("aliveGrid() spreads 25 columns from 1 to the most repeat purchases, and falls with the weeks since the last purchase", () => {
  const grid = aliveGrid(REFERENCE.bgNbd, 39, { maxRepeatPurchases: 60 });
  const columns = [...new Set(grid.cells.map((c) => c.repeatPurchases))];
  assertEquals(columns.length, 25);
  assertEquals([columns[0], columns[1], columns.at(-1)], [1, 3, 60]);
  assertEquals(grid.cells.length, 25 * 12);
  const ten = grid.cells.filter((c) => c.repeatPurchases === 10);
  for (let i = 1; i < ten.length; i++) {
    assertOk(ten[i].probabilityAlive < ten[i - 1].probabilityAlive);
  }
});

Deno.test("fitValueModels() says plainly when every customer buys at one rate and none drops out", () => {
  // A Poisson process of one rate for everyone, without drop-out: the
  // BG/NBD likelihood has no maximum (r, α → ∞, a → 0).
  const random = seededRandom(7);
  const n = 400, rate = 0.2;
  const x: number[] = [], tx: number[] = [], T: number[] = [];
  for (let i = 0; i < n; i++) {
    const age = 20 + 32 * random();
    let t = 0, last = 0, count = 0;
    for (;;) {
      t += -Math.log(1 - random()) / rate;
      if (t > age) break;
      count++;
      last = t;
    }
    x.push(count);
    tx.push(last);
    T.push(age);
  }
  const models = fitValueModels({
    customers: x.map((_, i) => `c${i}`),
    x,
    tx,
    T,
    zbar: x.map((v, i) => v > 0 ? 10 + (i % 17) * 3 : 0),
  });
  assertOk(!models.fitted, JSON.stringify(models));
  assertOk(
    /^The purchase model \(BG\/NBD\) has no maximum on this data: its parameters run off to their limits \(r = .*\), which says that customers buy at much the same rate \(0\.\d+ purchases a week\) and next to none is seen to stop buying, so it cannot tell customers apart$/
      .test(models.reason),
    models.reason,
  );
});

Deno.test("valueFigures() lists no top customers when asked for none", () => {
  const figures = valueFigures(cdnowHistories(), cdnowGroups(), {
    ...OPTIONS,
    top: 0,
  });
  assertOk(figures.fitted);
  assertEquals(figures.top, []);
});
