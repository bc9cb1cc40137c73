/** The CDNOW histories and SciPy's figures of tests/reference/clv_cdnow.json, as the value figures take them. */
import {
  type CustomerGroups,
  customerGroupsOf,
} from "../../../src/figures/segments/customer_groups.ts";
import type { HoldoutHistories } from "../../../src/figures/value/holdout_figures.ts";

/** SciPy's figures for the CDNOW sample: tests/reference/clv_cdnow.py. */
export const REFERENCE = JSON.parse(
  Deno.readTextFileSync(
    new URL("../../reference/clv_cdnow.json", import.meta.url),
  ),
) as {
  horizonWeeks: number;
  monthlyDiscount: number;
  bgNbd: {
    r: number;
    alpha: number;
    a: number;
    b: number;
    logLikelihood: number;
  };
  gammaGamma: { p: number; q: number; gamma: number; logLikelihood: number };
  customers: {
    customer: string;
    x: number;
    tx: number;
    T: number;
    zbar: number;
    holdout: number;
    expectedPurchases: number;
    probabilityAlive: number;
    expectedSpend: number;
    discountedValue: number;
  }[];
};

/** The calibration histories (to 1997-09-30) with the holdout's purchases. */
export function cdnowHistories(): HoldoutHistories {
  const c = REFERENCE.customers;
  return {
    customers: c.map((r) => r.customer),
    x: c.map((r) => r.x),
    tx: c.map((r) => r.tx),
    T: c.map((r) => r.T),
    zbar: c.map((r) => r.zbar),
    holdout: c.map((r) => r.holdout),
    calibrationEnd: "1997-09-30",
    holdoutPeriod: { from: "1997-10-01", to: "1998-06-30", weeks: 39 },
  };
}

/** A made-up segment and cluster per customer, by id, for the group sums. */
export function cdnowGroups(): CustomerGroups {
  return customerGroupsOf(REFERENCE.customers.map((r, i) => ({
    id: r.customer,
    segment: ["Champions", "At Risk", "Lost"][i % 3],
    cluster: `${1 + (i % 2)}. Cluster`,
  })));
}
