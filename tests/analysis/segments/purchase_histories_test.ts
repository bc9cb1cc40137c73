import { assertEquals, assertOk } from "../../assert.ts";
import { closeDataset } from "../../../src/source/dataset.ts";
import { purchaseHistories } from "../../../src/analysis/segments/purchase_histories.ts";
import { fitBgNbd, fitGammaGamma } from "../../../src/stats/clv/mod.ts";
import { cdnowDataset, cdnowSummary } from "./cdnow_fixture.ts";

Deno.test("purchaseHistories() equals the published CDNOW calibration summary for every customer", async () => {
  const data = await cdnowDataset();
  try {
    const h = await purchaseHistories(data, { holdoutFrom: "1997-10-01" });
    const summary = cdnowSummary();
    assertEquals(h.customers.length, summary.size);
    assertEquals(h.calibrationEnd, "1997-09-30");
    assertEquals(h.holdoutPeriod, {
      from: "1997-10-01",
      to: "1998-06-30",
      weeks: 39,
    });
    h.customers.forEach((id, i) => {
      const [x, tx, T, zbar] = summary.get(Number(id))!;
      const ours = [h.x[i], h.tx[i], h.T[i], h.zbar[i]];
      // The file rounds to 2 decimals.
      assertEquals(h.x[i], x, `customer ${id}: x`);
      [tx, T, zbar].forEach((published, j) =>
        assertOk(
          Math.abs(ours[j + 1] - published) <= 0.005 + 1e-9,
          `customer ${id}: ${["tx", "T", "zbar"][j]} ${
            ours[j + 1]
          } against ${published}`,
        )
      );
    });
  } finally {
    closeDataset(data);
  }
});

Deno.test("CDNOW read from its file as a user reads it gives the published BG/NBD and Gamma-Gamma parameters", async () => {
  const data = await cdnowDataset();
  try {
    const h = await purchaseHistories(data, { holdoutFrom: "1997-10-01" });
    const bg = fitBgNbd(h);
    const { r, alpha, a, b } = bg.params;
    assertEquals(
      [r, alpha, a, b].map((v) => v.toFixed(3)),
      ["0.243", "4.414", "0.793", "2.426"],
    );
    assertEquals(bg.logLikelihood.toFixed(1), "-9582.4");
    const gg = fitGammaGamma(h);
    assertEquals(gg.customers, 946);
    const { p, q, gamma } = gg.params;
    assertEquals([p, q, gamma].map((v) => v.toFixed(2)), [
      "6.25",
      "3.74",
      "15.44",
    ]);
  } finally {
    closeDataset(data);
  }
});

Deno.test("purchaseHistories() rejects a holdout date outside the purchases", async () => {
  const data = await cdnowDataset();
  try {
    let message = "";
    await purchaseHistories(data, { holdoutFrom: "1999-01-01" }).catch((e) =>
      message = e.message
    );
    assertEquals(
      message,
      "Cannot summarise purchases with a holdout from 1999-01-01: the purchases run from 1997-01-01 to 1998-06-30",
    );
  } finally {
    closeDataset(data);
  }
});

Deno.test("purchaseHistories() reads sales only up to `to`, as a calibration period without a holdout", async () => {
  const data = await cdnowDataset();
  try {
    const upTo = await purchaseHistories(data, { to: "1997-09-30" });
    const calibration = await purchaseHistories(data, {
      holdoutFrom: "1997-10-01",
    });
    assertEquals(upTo.calibrationEnd, "1997-09-30");
    assertEquals(upTo.holdout, undefined);
    assertEquals(upTo.customers, calibration.customers);
    for (const key of ["x", "tx", "T", "zbar"] as const) {
      assertEquals([...upTo[key]], [...calibration[key]], key);
    }
  } finally {
    closeDataset(data);
  }
});

Deno.test("purchaseHistories() read a few customers at a time gives the same histories, in the same order", async () => {
  const data = await cdnowDataset();
  try {
    const options = { holdoutFrom: "1997-10-01" };
    const whole = await purchaseHistories(data, options);
    // 2,357 customers: pages of 1,000 and a part page of 357.
    const paged = await purchaseHistories(data, { ...options, page: 1_000 });
    assertEquals(paged, whole);
    assertEquals(paged.customers.length, 2_357);
    const unheld = await purchaseHistories(data, { page: 7 });
    assertEquals(unheld.holdout, undefined);
    assertEquals(unheld.customers, whole.customers);
  } finally {
    closeDataset(data);
  }
});
