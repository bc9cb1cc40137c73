import { digamma, logGamma } from "./log_gamma.ts";
import { minimiseBfgs } from "./minimise_bfgs.ts";

/**
 * What the BG/NBD model needs of each customer in the calibration period:
 * `x` repeat purchases (purchase days after the first), `tx` the time of
 * the last purchase and `T` the time observed, both from the first
 * purchase, in one unit (Basket uses weeks).
 */
export interface PurchaseHistory {
  x: ArrayLike<number>;
  tx: ArrayLike<number>;
  T: ArrayLike<number>;
}

/**
 * BG/NBD parameters (Fader, Hardie and Lee 2005): purchase rates are
 * gamma(r, alpha) across customers; after each purchase a customer drops
 * out with a probability that is beta(a, b) across customers.
 */
export interface BgNbdParams {
  r: number;
  alpha: number;
  a: number;
  b: number;
}

/** A fitted BG/NBD model. */
export interface BgNbdFit {
  params: BgNbdParams;
  logLikelihood: number;
  iterations: number;
  /** Whether the search stopped at a maximum (the gradient vanished), not by running out of steps. */
  converged: boolean;
  customers: number;
}

/**
 * The BG/NBD log-likelihood of the histories and its gradient with respect
 * to (r, alpha, a, b), summed over customers. Each customer's terms are
 * combined in log space (log-sum-exp), so long histories do not underflow.
 */
export function bgNbdLogLikelihood(
  history: PurchaseHistory,
  { r, alpha, a, b }: BgNbdParams,
): { value: number; gradient: [number, number, number, number] } {
  const { x, tx, T } = history;
  const n = x.length;
  const perX = termsByX(history, r, alpha, a, b);
  let value = 0, gr = 0, galpha = 0, ga = 0, gb = 0;
  for (let i = 0; i < n; i++) {
    const xi = x[i];
    const k = xi;
    value += perX.value[k];
    gr += perX.dr[k];
    galpha += r / alpha;
    ga += perX.da[k];
    gb += perX.db[k];
    const rx = r + xi;
    const logT = Math.log(alpha + T[i]);
    const a3 = -rx * logT;
    if (xi === 0) {
      value += a3;
      gr -= logT;
      galpha -= rx / (alpha + T[i]);
      continue;
    }
    const logTx = Math.log(alpha + tx[i]);
    const a4 = perX.logDrop[k] - rx * logTx;
    const high = a3 > a4 ? a3 : a4;
    const e3 = Math.exp(a3 - high), e4 = Math.exp(a4 - high);
    const sum = e3 + e4;
    value += high + Math.log(sum);
    const w3 = e3 / sum, w4 = e4 / sum;
    gr -= w3 * logT + w4 * logTx;
    galpha -= rx * (w3 / (alpha + T[i]) + w4 / (alpha + tx[i]));
    ga += w4 / a;
    gb -= w4 * perX.inverseBx1[k];
  }
  return { value, gradient: [gr, galpha, ga, gb] };
}

/** The terms that depend on a customer's x only, once per distinct x. */
function termsByX(
  history: PurchaseHistory,
  r: number,
  alpha: number,
  a: number,
  b: number,
) {
  const { x } = history;
  let max = 0;
  for (let i = 0; i < x.length; i++) {
    const xi = x[i];
    if (!(Number.isInteger(xi) && xi >= 0)) {
      throw new RangeError(
        `Cannot fit BG/NBD: customer ${
          i + 1
        } has x = ${xi}, expected a whole number of 0 or more`,
      );
    }
    if (xi > max) max = xi;
  }
  const size = max + 1;
  const value = new Float64Array(size), dr = new Float64Array(size);
  const da = new Float64Array(size), db = new Float64Array(size);
  const logDrop = new Float64Array(size), inverseBx1 = new Float64Array(size);
  const lgR = logGamma(r), psiR = digamma(r), logAlpha = Math.log(alpha);
  const lgAb = logGamma(a + b), lgB = logGamma(b);
  const psiAb = digamma(a + b), psiB = digamma(b);
  for (let k = 0; k < size; k++) {
    value[k] = logGamma(r + k) - lgR + r * logAlpha + lgAb +
      logGamma(b + k) - lgB - logGamma(a + b + k);
    dr[k] = digamma(r + k) - psiR + logAlpha;
    const psiAbx = digamma(a + b + k);
    da[k] = psiAb - psiAbx;
    db[k] = psiAb + digamma(b + k) - psiB - psiAbx;
    if (k > 0) {
      logDrop[k] = Math.log(a) - Math.log(b + k - 1);
      inverseBx1[k] = 1 / (b + k - 1);
    }
  }
  return { value, dr, da, db, logDrop, inverseBx1 };
}

/**
 * Fits the BG/NBD model by maximum likelihood: BFGS with the analytic
 * gradient, over the logarithms of the parameters (so they stay
 * positive), from r = alpha = a = b = 1.
 *
 * @example
 * ```ts
 * import { fitBgNbd } from "./bg_nbd.ts";
 * const fit = fitBgNbd({ x: [0, 1, 4, 2, 0, 7], tx: [0, 10, 30, 12, 0, 35], T: [38, 38, 37, 30, 20, 36] });
 * if (!(fit.params.r > 0 && fit.logLikelihood < 0)) throw new Error(JSON.stringify(fit));
 * ```
 */
export function fitBgNbd(history: PurchaseHistory): BgNbdFit {
  const n = history.x.length;
  if (n === 0) {
    throw new RangeError("Cannot fit BG/NBD: there are no customers");
  }
  const result = minimiseBfgs(
    (u) => {
      const [r, alpha, a, b] = u.map(Math.exp);
      const { value, gradient } = bgNbdLogLikelihood(history, {
        r,
        alpha,
        a,
        b,
      });
      // Minimise the negative mean, so that tolerances do not grow with n;
      // the chain rule through θ = exp(u) multiplies by θ.
      return {
        value: -value / n,
        gradient: gradient.map((g, i) => -g * Math.exp(u[i]) / n),
      };
    },
    [0, 0, 0, 0],
    { gradientTolerance: 1e-9 },
  );
  const [r, alpha, a, b] = result.point.map(Math.exp);
  return {
    params: { r, alpha, a, b },
    logLikelihood: -result.value * n,
    iterations: result.iterations,
    converged: result.converged,
    customers: n,
  };
}
