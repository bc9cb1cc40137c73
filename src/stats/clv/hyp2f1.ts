/**
 * The Gauss hypergeometric function ₂F₁(a, b; c; z) for 0 ≤ z < 1 by its
 * power series, summed until a term no longer changes the sum. Converges
 * fast when z is not close to 1 and a, b are small: callers transform
 * first (see expectedPurchases).
 *
 * @example
 * ```ts
 * import { hyp2f1 } from "./hyp2f1.ts";
 * // ₂F₁(1, 1; 2; z) = −log(1 − z) / z
 * if (Math.abs(hyp2f1(1, 1, 2, 0.5) - 2 * Math.log(2)) > 1e-14) throw new Error("log");
 * ```
 */
export function hyp2f1(a: number, b: number, c: number, z: number): number {
  if (!(z >= 0 && z < 1)) {
    throw new RangeError(`Cannot sum 2F1 at z = ${z}: expected 0 <= z < 1`);
  }
  let term = 1;
  let sum = 1;
  for (let k = 0; k < 100_000; k++) {
    term *= (a + k) * (b + k) / ((c + k) * (k + 1)) * z;
    const next = sum + term;
    if (next === sum) return next;
    sum = next;
  }
  return sum;
}
