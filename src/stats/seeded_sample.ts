import { seededRandom } from "./seeded_random.ts";

/**
 * Picks `size` distinct indices out of `0..total-1` with a seeded partial
 * Fisher–Yates shuffle and returns them in ascending order. When `size` is at
 * least `total`, every index is returned. Only the shuffle's moved positions
 * are kept (a map of at most `size`), not a pool of `total`: the memory is
 * the sample's, however large `total` is.
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
  // pool[p] is moved.get(p) ?? p: the positions a swap touched.
  const moved = new Map<number, number>();
  const picked = new Int32Array(size);
  for (let i = 0; i < size; i++) {
    const j = i + Math.floor(random() * (total - i));
    const atI = moved.get(i) ?? i;
    picked[i] = moved.get(j) ?? j;
    moved.set(j, atI);
    // Position i is never read again: j >= i from here on.
    moved.delete(i);
  }
  return picked.sort();
}
