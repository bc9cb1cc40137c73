/**
 * A seeded pseudo-random generator (mulberry32, two draws per number) giving
 * floats in [0, 1) with 53 bits of precision. The same seed gives the same
 * sequence on every platform, which is what makes sampling and k-means starts
 * reproducible.
 *
 * @example
 * ```ts
 * import { seededRandom } from "./seeded_random.ts";
 * const a = seededRandom(42), b = seededRandom(42);
 * if (a() !== b()) throw new Error("not reproducible");
 * ```
 */
export function seededRandom(seed: number): () => number {
  let state = (Math.trunc(seed) ^ 0x9e3779b9) >>> 0;
  const next32 = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
  return () => {
    const high = next32() >>> 5; // 27 bits
    const low = next32() >>> 6; // 26 bits
    return (high * 67108864 + low) / 9007199254740992;
  };
}
