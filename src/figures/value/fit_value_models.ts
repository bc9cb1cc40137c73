import { type BgNbdFit, fitBgNbd } from "../../stats/clv/bg_nbd.ts";
import {
  fitGammaGamma,
  type GammaGammaFit,
} from "../../stats/clv/gamma_gamma.ts";

/**
 * What the customer-value models need of each customer, as columns in one
 * order (see purchaseHistories): repeat purchases `x`, the weeks `tx` from
 * the first purchase to the last and `T` from the first to the end of the
 * period, and `zbar` the repeat purchases' mean value.
 */
export interface ValueHistories {
  customers: readonly string[];
  x: ArrayLike<number>;
  tx: ArrayLike<number>;
  T: ArrayLike<number>;
  zbar: ArrayLike<number>;
}

/** The two fitted models, or why there are none. */
export type ValueModels =
  | { fitted: true; bgNbd: BgNbdFit; gammaGamma: GammaGammaFit }
  | { fitted: false; reason: string };

/**
 * The fewest customers with a repeat purchase the models are fitted to:
 * below it the few repeat buyers decide the drop-out and spend parameters
 * alone, and the predictions would read as more than they are.
 */
export const MIN_REPEAT_CUSTOMERS = 30;

/** A parameter past this (or below its inverse) has run off to a limit. */
const LIMIT = 1e5;

/** A parameter in a sentence: `2.2e+7`, `0.793`. */
function sci(value: number): string {
  return value > 1e4 || value < 1e-3
    ? value.toExponential(1)
    : String(Number(value.toPrecision(3)));
}

/**
 * Fits BG/NBD (purchases and drop-out) and Gamma-Gamma (spend per
 * purchase) to the histories, or says in words why the value cannot be
 * predicted: too few repeat customers, a likelihood with no maximum (its
 * parameters run off to their limits: every customer buys at one rate and
 * none drops out, or spend does not differ between customers; the model
 * would predict the same for everyone), a search that did not converge,
 * or a spend model whose population mean is infinite (q ≤ 1). Never
 * throws on data it cannot fit.
 *
 * @example
 * ```ts
 * import { fitValueModels } from "./fit_value_models.ts";
 * const few = fitValueModels({ customers: ["a", "b"], x: [0, 1], tx: [0, 3], T: [9, 9], zbar: [0, 12] });
 * if (few.fitted || !few.reason.startsWith("Only 1 customer bought more than once")) throw new Error(JSON.stringify(few));
 * ```
 */
export function fitValueModels(
  histories: ValueHistories,
  minRepeatCustomers = MIN_REPEAT_CUSTOMERS,
): ValueModels {
  let repeat = 0;
  for (let i = 0; i < histories.x.length; i++) {
    if (histories.x[i] > 0) repeat++;
  }
  if (repeat < minRepeatCustomers) {
    return {
      fitted: false,
      reason: `Only ${repeat} ${
        repeat === 1 ? "customer" : "customers"
      } bought more than once (on more than one day) in the period; the purchase and spend models need at least ${minRepeatCustomers}`,
    };
  }
  let bgNbd: BgNbdFit, gammaGamma: GammaGammaFit;
  try {
    bgNbd = fitBgNbd(histories);
    gammaGamma = fitGammaGamma(histories);
  } catch (error) {
    return {
      fitted: false,
      reason: `The models could not be fitted: ${(error as Error).message}`,
    };
  }
  const finite = (values: number[]) =>
    values.every((v) => Number.isFinite(v) && v > 0);
  const { r, alpha, a, b } = bgNbd.params;
  // At a limit the search may stop, converged to what rounding allows, or
  // run out of steps: either way the likelihood has no maximum there.
  const atLimit = [r, alpha, a, b].some((v) => v > LIMIT || v < 1 / LIMIT);
  if (!bgNbd.converged || !finite([r, alpha, a, b]) || atLimit) {
    const why: string[] = [];
    if (r > LIMIT && alpha > LIMIT) {
      why.push(
        `customers buy at much the same rate (${
          (r / alpha).toPrecision(2)
        } purchases a week)`,
      );
    }
    if (a < 1 / LIMIT || b > LIMIT) {
      why.push("next to none is seen to stop buying");
    }
    return {
      fitted: false,
      reason: why.length || atLimit
        ? `The purchase model (BG/NBD) has no maximum on this data: its parameters run off to their limits (r = ${
          sci(r)
        }, α = ${sci(alpha)}, a = ${sci(a)}, b = ${sci(b)})${
          why.length ? `, which says that ${why.join(" and ")}` : ""
        }, so it cannot tell customers apart`
        : `The purchase model (BG/NBD) did not converge to a maximum of its likelihood in ${bgNbd.iterations} steps`,
    };
  }
  const { p, q, gamma } = gammaGamma.params;
  const spendAtLimit = q > LIMIT && gamma > LIMIT;
  if (!gammaGamma.converged || !finite([p, q, gamma]) || spendAtLimit) {
    return {
      fitted: false,
      reason: spendAtLimit
        ? `The spend model (Gamma-Gamma) has no maximum on this data: its parameters run off to their limits (p = ${
          sci(p)
        }, q = ${sci(q)}, γ = ${
          sci(gamma)
        }), which says that customers' typical spend per purchase differs no more than one purchase's from the next, so it cannot tell customers apart`
        : `The spend model (Gamma-Gamma) did not converge to a maximum of its likelihood in ${gammaGamma.iterations} steps`,
    };
  }
  if (!(q > 1)) {
    return {
      fitted: false,
      reason:
        `Spend per purchase varies too much between customers for the spend model (Gamma-Gamma q = ${
          q.toFixed(2)
        }, at most 1: its mean spend is infinite)`,
    };
  }
  return { fitted: true, bgNbd, gammaGamma };
}
