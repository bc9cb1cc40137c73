/**
 * A small seeded pseudo-random number generator: sfc32 (Chris Doty-Humphrey's
 * Small Fast Counting generator, 32-bit), seeded through splitmix32. It is
 * deterministic: the same seed gives the same sequence on every platform.
 *
 * @module
 */

/** A seeded source of random numbers. */
export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  /** A float in [min, max). */
  uniform(min: number, max: number): number;
  /** `true` with probability `p`. */
  chance(p: number): boolean;
  /** A normally distributed float (Box–Muller). */
  normal(mean?: number, sd?: number): number;
  /** A log-normally distributed float whose median is `median`. */
  logNormal(median: number, sigma: number): number;
  /** A Poisson-distributed integer with mean `lambda`. */
  poisson(lambda: number): number;
  /** One element of `items`, each equally likely. */
  pick<T>(items: readonly T[]): T;
  /** An index into `weights`, chosen in proportion to the weights. */
  weightedIndex(weights: readonly number[]): number;
  /** An index chosen from cumulative weights (see {@linkcode cumulative}). */
  cumulativeIndex(cumulativeWeights: ArrayLike<number>): number;
  /** A new generator whose sequence depends on this one's seed and `label`. */
  fork(label: string): Random;
}

/**
 * Creates a generator from an integer seed.
 *
 * @example
 * ```ts
 * import { createRandom } from "./random.ts";
 * const a = createRandom(7), b = createRandom(7);
 * if (a.next() !== b.next()) throw new Error("not deterministic");
 * const roll = a.int(1, 6);
 * if (roll < 1 || roll > 6) throw new Error(`bad roll ${roll}`);
 * ```
 */
export function createRandom(seed: number): Random {
  if (!Number.isFinite(seed)) {
    throw new RangeError(
      `Cannot seed a random generator: ${seed} is not a finite number`,
    );
  }
  return fromKey((seed >>> 0) ^ Math.floor(seed / 2 ** 32));
}

/** Running sums of `weights`, for {@linkcode Random.cumulativeIndex}. */
export function cumulative(weights: readonly number[]): Float64Array {
  const sums = new Float64Array(weights.length);
  let total = 0;
  weights.forEach((w, i) => sums[i] = total += w);
  return sums;
}

function fromKey(key: number): Random {
  const init = splitmix32(key);
  let a = init(), b = init(), c = init(), d = init();
  const u32 = (): number => {
    a |= 0, b |= 0, c |= 0, d |= 0;
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  for (let i = 0; i < 12; i++) u32();
  const next = () => u32() / 4294967296;
  let spare: number | null = null;
  const standardNormal = (): number => {
    if (spare !== null) {
      const value = spare;
      spare = null;
      return value;
    }
    let u = 0;
    while (u === 0) u = next();
    const r = Math.sqrt(-2 * Math.log(u));
    const theta = 2 * Math.PI * next();
    spare = r * Math.sin(theta);
    return r * Math.cos(theta);
  };
  const cumulativeIndex = (sums: ArrayLike<number>): number => {
    const target = next() * sums[sums.length - 1];
    let lo = 0, hi = sums.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sums[mid] > target) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
  const random: Random = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    uniform: (min, max) => min + next() * (max - min),
    chance: (p) => next() < p,
    normal: (mean = 0, sd = 1) => mean + sd * standardNormal(),
    logNormal: (median, sigma) => median * Math.exp(sigma * standardNormal()),
    poisson(lambda) {
      if (!(lambda > 0)) return 0;
      if (lambda > 30) {
        return Math.max(
          0,
          Math.round(lambda + Math.sqrt(lambda) * standardNormal()),
        );
      }
      const limit = Math.exp(-lambda);
      let k = 0, p = next();
      while (p > limit) {
        k++;
        p *= next();
      }
      return k;
    },
    pick: (items) => items[Math.floor(next() * items.length)],
    weightedIndex: (weights) => cumulativeIndex(cumulative(weights)),
    cumulativeIndex,
    fork: (label) => {
      let h = (key ^ 0x811c9dc5) >>> 0;
      for (let i = 0; i < label.length; i++) {
        h = Math.imul(h ^ label.charCodeAt(i), 0x01000193) >>> 0;
      }
      return fromKey(h);
    },
  };
  return random;
}

function splitmix32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x9e3779b9) | 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}
