import { digamma, logGamma } from "./log_gamma.ts";
import { minimiseBfgs } from "./minimise_bfgs.ts";

/**
 * What the Gamma-Gamma model needs of each customer with at least one
 * repeat purchase: `x` repeat purchases and `zbar` their mean value.
 */
export interface SpendHistory {
  x: ArrayLike<number>;
  zbar: ArrayLike<number>;
}

/**
 * Gamma-Gamma parameters (Fader, Hardie and Lee, "RFM and CLV", 2005;
 * Fader and Hardie's note on the Gamma-Gamma model): a purchase's value is
 * gamma(p, nu), and nu is gamma(q, gamma) across customers.
 */
export interface GammaGammaParams {
  p: number;
  q: number;
  gamma: number;
}

/** A fitted Gamma-Gamma model. */
export interface GammaGammaFit {
  params: GammaGammaParams;
  logLikelihood: number;
  iterations: number;
  /** Whether the search stopped at a maximum (the gradient vanished), not by running out of steps. */
  converged: boolean;
  customers: number;
}

/**
 * The Gamma-Gamma log-likelihood of the mean repeat values and its
 * gradient with respect to (p, q, gamma), summed over customers; a
 * customer with x = 0 or zbar ≤ 0 tells nothing about spend and is left
 * out (the caller should leave them out too: see fitGammaGamma).
 */
export function gammaGammaLogLikelihood(
  history: SpendHistory,
  { p, q, gamma }: GammaGammaParams,
): { value: number; gradient: [number, number, number] } {
  const { x, zbar } = history;
  const lgQ = logGamma(q), psiQ = digamma(q), logGammaParam = Math.log(gamma);
  const cache = new Map<number, [number, number, number]>();
  let value = 0, gp = 0, gq = 0, gg = 0;
  for (let i = 0; i < x.length; i++) {
    const xi = x[i], m = zbar[i];
    if (!(xi > 0 && m > 0)) continue;
    let perX = cache.get(xi);
    if (!perX) {
      const px = p * xi;
      const psiPxq = digamma(px + q);
      perX = [
        logGamma(px + q) - logGamma(px) - lgQ,
        psiPxq - digamma(px),
        psiPxq - psiQ,
      ];
      cache.set(xi, perX);
    }
    const px = p * xi;
    const logM = Math.log(m), logX = Math.log(xi);
    const spent = xi * m + gamma, logSpent = Math.log(spent);
    value += perX[0] + q * logGammaParam + (px - 1) * logM + px * logX -
      (px + q) * logSpent;
    gp += xi * (perX[1] + logM + logX - logSpent);
    gq += perX[2] + logGammaParam - logSpent;
    gg += q / gamma - (px + q) / spent;
  }
  return { value, gradient: [gp, gq, gg] };
}

/**
 * Fits the Gamma-Gamma model by maximum likelihood to the customers with
 * repeat purchases (x > 0, zbar > 0): BFGS with the analytic gradient over
 * the logarithms of the parameters, from p = q = gamma = 1.
 *
 * @example
 * ```ts
 * import { fitGammaGamma } from "./gamma_gamma.ts";
 * const fit = fitGammaGamma({ x: [1, 2, 5, 3, 1, 0], zbar: [10, 25, 18, 40, 12, 0] });
 * if (fit.customers !== 5 || !(fit.params.p > 0)) throw new Error(JSON.stringify(fit));
 * ```
 */
export function fitGammaGamma(history: SpendHistory): GammaGammaFit {
  let n = 0;
  for (let i = 0; i < history.x.length; i++) {
    if (history.x[i] > 0 && history.zbar[i] > 0) n++;
  }
  if (n === 0) {
    throw new RangeError(
      "Cannot fit Gamma-Gamma: no customer has a repeat purchase of positive value",
    );
  }
  const result = minimiseBfgs(
    (u) => {
      const [p, q, gamma] = u.map(Math.exp);
      const { value, gradient } = gammaGammaLogLikelihood(history, {
        p,
        q,
        gamma,
      });
      return {
        value: -value / n,
        gradient: gradient.map((g, i) => -g * Math.exp(u[i]) / n),
      };
    },
    [0, 0, 0],
    { gradientTolerance: 1e-9 },
  );
  const [p, q, gamma] = result.point.map(Math.exp);
  return {
    params: { p, q, gamma },
    logLikelihood: -result.value * n,
    iterations: result.iterations,
    converged: result.converged,
    customers: n,
  };
}
