import { seededRandom } from "./seeded_random.ts";

/**
 * Picks `size` distinct indices out of `0..total-1` with a seeded partial
 * Fisher–Yates shuffle and returns them in ascending order. When `size` is at
 * least `total`, every index is returned.
 *
 * @example
 * ```ts
 * import { seededSample } from "./seeded_sample.ts";
 * const picked = seededSample(10, 3, 7);
 * if (picked.length !== 3 || picked[0] >= picked[1]) throw new Error("bad sample");
 * ```
 */
export function seededSample(
  total: number,
  size: number,
  seed: number,
): Int32Array {
  if (size >= total) return Int32Array.from({ length: total }, (_, i) => i);
  const random = seededRandom(seed);
  const pool = Int32Array.from({ length: total }, (_, i) => i);
  for (let i = 0; i < size; i++) {
    const j = i + Math.floor(random() * (total - i));
    const swap = pool[i];
    pool[i] = pool[j];
    pool[j] = swap;
  }
  return pool.slice(0, size).sort();
}
