import type { BgNbdParams } from "./bg_nbd.ts";
import type { GammaGammaParams } from "./gamma_gamma.ts";

/** One customer's calibration history: x repeat purchases, last at tx, observed for T (weeks), repeat purchases worth zbar on average. */
export interface CustomerHistory {
  x: number;
  tx: number;
  T: number;
  zbar: number;
}

/** Weeks in a month on average: 365.25 / 12 / 7. */
export const WEEKS_PER_MONTH = 365.25 / 12 / 7;

/**
 * The probability that a customer with this history is still active at
 * the end of the calibration period (BG/NBD; 1 for a customer with no
 * repeat purchase, who in this model cannot yet have dropped out).
 *
 * @example
 * ```ts
 * import { probabilityAlive } from "./customer_value.ts";
 * const params = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
 * const early = probabilityAlive(params, { x: 2, tx: 5, T: 38 });
 * const late = probabilityAlive(params, { x: 2, tx: 37, T: 38 });
 * if (!(early < late && late < 1)) throw new Error(`${early} ${late}`);
 * ```
 */
export function probabilityAlive(
  { r, alpha, a, b }: BgNbdParams,
  { x, tx, T }: Pick<CustomerHistory, "x" | "tx" | "T">,
): number {
  if (x === 0) return 1;
  const logOdds = Math.log(a) - Math.log(b + x - 1) +
    (r + x) * (Math.log(alpha + T) - Math.log(alpha + tx));
  return 1 / (1 + Math.exp(logOdds));
}

/**
 * The expected number of purchases in the next `t` weeks of a customer
 * with this history (BG/NBD, Fader, Hardie and Lee 2005, eq. 10). The
 * hypergeometric term is taken through Euler's transformation, whose
 * series has small parameters and no large powers:
 * ((α+T)/(α+T+t))^(r+x) ₂F₁(r+x, b+x; a+b+x−1; z)
 *   = (1−z)^(a−1) ₂F₁(a+b−1−r, a−1; a+b+x−1; z), z = t/(α+T+t).
 * The paper's factor (1 − that) / (a − 1) is 0 / 0 at a = 1 and loses
 * digits near it; it is summed here without the division (see
 * {@linkcode growthOverA}), so a = 1 gives the limit.
 *
 * @example
 * ```ts
 * import { expectedPurchases } from "./customer_value.ts";
 * const params = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
 * const h = { x: 2, tx: 30.43, T: 38.86, zbar: 22.35 };
 * if (!(expectedPurchases(params, h, 39) > expectedPurchases(params, h, 10))) throw new Error("grows with t");
 * const one = expectedPurchases({ ...params, a: 1 }, h, 39);
 * if (!(one > 0 && Number.isFinite(one))) throw new Error(`a = 1: ${one}`);
 * ```
 */
export function expectedPurchases(
  params: BgNbdParams,
  history: Pick<CustomerHistory, "x" | "tx" | "T">,
  t: number,
): number {
  if (t === 0) return 0;
  const { r, alpha, a, b } = params;
  const { x, T } = history;
  const z = t / (alpha + T + t);
  const c = a + b + x - 1;
  return probabilityAlive(params, history) * c *
    growthOverA(a - 1, a + b - 1 - r, c, z);
}

/**
 * (1 − (1−z)^e ₂F₁(A, e; c; z)) / e without dividing by e: with
 * ₂F₁(A, e; c; z) = 1 + e·S, S = Σₖ (A)ₖ (e+1)ₖ₋₁ zᵏ / ((c)ₖ k!), the
 * quotient is −expm1(e·L)/e − e^(e·L)·S, L = log(1−z), which holds at
 * e = 0 too (−L − S) and keeps its digits near it.
 */
function growthOverA(e: number, A: number, c: number, z: number): number {
  if (!(z >= 0 && z < 1)) {
    throw new RangeError(`Cannot sum 2F1 at z = ${z}: expected 0 <= z < 1`);
  }
  const L = Math.log1p(-z);
  const head = e === 0 ? -L : -Math.expm1(e * L) / e;
  let term = A / c * z;
  let sum = term;
  for (let k = 1; k < 100_000; k++) {
    term *= (A + k) * (e + k) / ((c + k) * (k + 1)) * z;
    const next = sum + term;
    if (next === sum) break;
    sum = next;
  }
  return head - Math.exp(e * L) * sum;
}

/**
 * The expected value of a customer's future purchases (Gamma-Gamma): a
 * weighted mean of the customer's own mean repeat value and the
 * population mean p·gamma/(q−1), the population mean for x = 0.
 *
 * @example
 * ```ts
 * import { expectedSpend } from "./customer_value.ts";
 * const params = { p: 6.25, q: 3.74, gamma: 15.44 };
 * const mean = 6.25 * 15.44 / 2.74;
 * if (Math.abs(expectedSpend(params, { x: 0, zbar: 0 }) - mean) > 1e-12) throw new Error("mean");
 * ```
 */
export function expectedSpend(
  { p, q, gamma }: GammaGammaParams,
  { x, zbar }: Pick<CustomerHistory, "x" | "zbar">,
): number {
  return p * (gamma + x * zbar) / (p * x + q - 1);
}

/** Options for {@linkcode discountedValue}. */
export interface DiscountedValueOptions {
  /** Months ahead; default 12. */
  months?: number;
  /** Discount rate per month, e.g. 0.01; default 0.01. */
  monthlyDiscount?: number;
}

/**
 * A customer's discounted value over the next months: each month's
 * expected purchases (the growth of expectedPurchases over the month,
 * months of WEEKS_PER_MONTH weeks) times the expected spend per purchase,
 * divided by (1 + monthly discount)^month.
 *
 * @example
 * ```ts
 * import { discountedValue } from "./customer_value.ts";
 * const bg = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
 * const gg = { p: 6.25, q: 3.74, gamma: 15.44 };
 * const h = { x: 2, tx: 30.43, T: 38.86, zbar: 22.35 };
 * const plain = discountedValue(bg, gg, h, { monthlyDiscount: 0 });
 * if (!(discountedValue(bg, gg, h) < plain)) throw new Error("discounting lowers the value");
 * ```
 */
export function discountedValue(
  bg: BgNbdParams,
  gg: GammaGammaParams,
  history: CustomerHistory,
  options: DiscountedValueOptions = {},
): number {
  const { months = 12, monthlyDiscount = 0.01 } = options;
  const spend = expectedSpend(gg, history);
  let value = 0;
  let before = 0;
  for (let month = 1; month <= months; month++) {
    const upTo = expectedPurchases(bg, history, month * WEEKS_PER_MONTH);
    value += (upTo - before) * spend / Math.pow(1 + monthlyDiscount, month);
    before = upTo;
  }
  return value;
}
