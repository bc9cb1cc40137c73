import { seededRandom } from "../src/stats/seeded_random.ts";
import type { BgNbdParams } from "../src/stats/clv/bg_nbd.ts";
import type { GammaGammaParams } from "../src/stats/clv/gamma_gamma.ts";

/** Purchase histories drawn from the models themselves, as columns. */
export interface SyntheticHistories {
  customers: string[];
  x: Float64Array;
  tx: Float64Array;
  T: Float64Array;
  zbar: Float64Array;
}

/**
 * Draws `n` customers from BG/NBD and Gamma-Gamma with the given
 * parameters (seeded): each customer's purchase rate from gamma(r, α), drop
 * probability from beta(a, b), first purchase between 1 and 78 weeks before
 * the end; repeat purchases are a Poisson process until the customer
 * drops out (after each repeat purchase, with that probability); each purchase's value is
 * gamma(p, ν), ν from gamma(q, γ). The fit of these should give back the
 * parameters, which the bench checks.
 */
export function syntheticHistories(
  n: number,
  bg: BgNbdParams,
  gg: GammaGammaParams,
  seed = 1,
): SyntheticHistories {
  const random = seededRandom(seed);
  const normal = () => {
    const u = 1 - random(), v = random();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  };
  // Marsaglia and Tsang; shape < 1 through gamma(shape + 1) · U^(1/shape).
  const gamma = (shape: number, rate: number): number => {
    if (shape < 1) {
      return gamma(shape + 1, rate) * Math.pow(1 - random(), 1 / shape);
    }
    const d = shape - 1 / 3, c = 1 / Math.sqrt(9 * d);
    for (;;) {
      const z = normal();
      const v = Math.pow(1 + c * z, 3);
      if (v <= 0) continue;
      const u = 1 - random();
      if (Math.log(u) < z * z / 2 + d - d * v + d * Math.log(v)) {
        return d * v / rate;
      }
    }
  };
  const out: SyntheticHistories = {
    customers: Array.from({ length: n }, (_, i) => `c${i}`),
    x: new Float64Array(n),
    tx: new Float64Array(n),
    T: new Float64Array(n),
    zbar: new Float64Array(n),
  };
  for (let i = 0; i < n; i++) {
    const lambda = gamma(bg.r, bg.alpha);
    const g1 = gamma(bg.a, 1), g2 = gamma(bg.b, 1);
    const drop = g1 / (g1 + g2);
    const nu = gamma(gg.q, gg.gamma);
    const T = 1 + 77 * random();
    let t = 0, x = 0, last = 0, spent = 0;
    for (;;) {
      t += -Math.log(1 - random()) / lambda;
      if (t > T) break;
      x++;
      last = t;
      spent += gamma(gg.p, nu);
      if (random() < drop) break; // dropped out after this repeat purchase
    }
    out.x[i] = x;
    out.tx[i] = last;
    out.T[i] = T;
    out.zbar[i] = x > 0 ? spent / x : 0;
  }
  return out;
}
