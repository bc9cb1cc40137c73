import type { BgNbdParams } from "../../stats/clv/bg_nbd.ts";
import {
  discountedValue,
  expectedPurchases,
  expectedSpend,
  probabilityAlive,
} from "../../stats/clv/customer_value.ts";
import type { GammaGammaParams } from "../../stats/clv/gamma_gamma.ts";
import type { ValueHistories } from "./fit_value_models.ts";

/** Options for {@linkcode customerValues}. */
export interface CustomerValueOptions {
  /** The horizon of expected purchases, in weeks. Default 52. */
  weeks?: number;
  /** The discount rate per month of the discounted value. Default 0.01. */
  monthlyDiscount?: number;
  /** Months of the discounted value. Default 12. */
  months?: number;
}

/** Each customer's expectations, as columns in the histories' order. */
export interface CustomerValues {
  /** Expected purchases in the next `weeks` weeks. */
  expectedPurchases: Float64Array;
  /** The probability that the customer is still active. */
  probabilityAlive: Float64Array;
  /** Expected spend per purchase. */
  expectedSpend: Float64Array;
  /** The discounted value of the next `months` months. */
  value: Float64Array;
}

/** The defaults of {@linkcode CustomerValueOptions}. */
export const VALUE_DEFAULTS = {
  weeks: 52,
  monthlyDiscount: 0.01,
  months: 12,
} as const;

/**
 * Every customer's expected purchases in the next weeks, probability of
 * being active, expected spend per purchase and discounted value, under
 * the fitted BG/NBD and Gamma-Gamma parameters.
 *
 * @example
 * ```ts
 * import { customerValues } from "./customer_values.ts";
 * const bg = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
 * const gg = { p: 6.25, q: 3.74, gamma: 15.44 };
 * const v = customerValues({ customers: ["a"], x: [2], tx: [30.43], T: [38.86], zbar: [22.35] }, bg, gg);
 * if (!(v.value[0] > 0 && v.probabilityAlive[0] < 1)) throw new Error(String(v.value));
 * ```
 */
export function customerValues(
  histories: ValueHistories,
  bgNbd: BgNbdParams,
  gammaGamma: GammaGammaParams,
  options: CustomerValueOptions = {},
): CustomerValues {
  const { weeks, monthlyDiscount, months } = { ...VALUE_DEFAULTS, ...options };
  const n = histories.customers.length;
  const out: CustomerValues = {
    expectedPurchases: new Float64Array(n),
    probabilityAlive: new Float64Array(n),
    expectedSpend: new Float64Array(n),
    value: new Float64Array(n),
  };
  for (let i = 0; i < n; i++) {
    const h = {
      x: histories.x[i],
      tx: histories.tx[i],
      T: histories.T[i],
      zbar: histories.zbar[i],
    };
    out.expectedPurchases[i] = expectedPurchases(bgNbd, h, weeks);
    out.probabilityAlive[i] = probabilityAlive(bgNbd, h);
    out.expectedSpend[i] = expectedSpend(gammaGamma, h);
    out.value[i] = discountedValue(bgNbd, gammaGamma, h, {
      months,
      monthlyDiscount,
    });
  }
  return out;
}
