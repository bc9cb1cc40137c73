/**
 * The k-th smallest of numbers read in batches, exactly, holding at most a
 * bounded count of them: see {@linkcode rankSelector}.
 *
 * @module
 */

/** Numbers held at most by default: 1 MB of them. */
export const HELD_NUMBERS = 1 << 17;

/** What {@linkcode rankSelector} returns. */
export interface RankSelector {
  /** Reads a batch of the numbers; each pass reads all of them, in any order. */
  add(values: ArrayLike<number>): void;
  /**
   * Ends a pass: the k-th smallest when it is known, else undefined, and
   * every number must be read again (at most four more passes).
   */
  endPass(): number | undefined;
}

const DIGITS = 1 << 16;

/**
 * Selects the `k`-th smallest (from 0) of `n` numbers, the number that
 * `Float64Array.from(values).sort()[k]` gives, holding at most `held` of
 * them. When the `n − k` largest fit (`n − k ≤ held`), one pass keeps them
 * in a heap. Otherwise each pass narrows the numbers' bits 16 at a time
 * (a count per 16-bit digit of the bits in their order) until the numbers
 * left around the rank fit, which are then sorted: a few passes, and never
 * more than `held` numbers and 65,536 counts, however many numbers.
 *
 * @example
 * ```ts
 * import { rankSelector } from "./rank_selector.ts";
 * const values = [5, 1, 4, 2, 3, 9, 8];
 * const select = rankSelector(values.length, 5, 2);
 * let kth: number | undefined;
 * do {
 *   select.add(values.slice(0, 3));
 *   select.add(values.slice(3));
 * } while ((kth = select.endPass()) === undefined);
 * if (kth !== 8) throw new Error(String(kth));
 * ```
 */
export function rankSelector(
  n: number,
  k: number,
  held: number = HELD_NUMBERS,
): RankSelector {
  if (!(Number.isInteger(k) && k >= 0 && k < n && held >= 1)) {
    throw new RangeError(
      `Cannot select the number of rank ${k} of ${n} holding ${held}`,
    );
  }
  const m = n - k;
  if (m <= held) return topHeap(m);
  return narrowingSelector(k, held);
}

/** The m largest in a min-heap: its root is the m-th largest. */
function topHeap(m: number): RankSelector {
  const heap = new Float64Array(m);
  let size = 0;
  return {
    add(values) {
      for (let i = 0; i < values.length; i++) {
        const v = values[i];
        if (size < m) {
          // Sift up.
          let at = size++;
          while (at > 0) {
            const parent = (at - 1) >> 1;
            if (!(heap[parent] > v)) break;
            heap[at] = heap[parent];
            at = parent;
          }
          heap[at] = v;
        } else if (v > heap[0]) {
          // Replace the root and sift down.
          let at = 0;
          for (;;) {
            const left = 2 * at + 1;
            if (left >= m) break;
            const child = left + 1 < m && heap[left + 1] < heap[left]
              ? left + 1
              : left;
            if (!(heap[child] < v)) break;
            heap[at] = heap[child];
            at = child;
          }
          heap[at] = v;
        }
      }
    },
    endPass() {
      if (size < m) {
        throw new RangeError(`Cannot select among ${size} numbers of ${m}`);
      }
      return heap[0];
    },
  };
}

/** A number's bits as two 32-bit words in the numbers' order. */
const word = new Float64Array(1);
const words = new Uint32Array(word.buffer);
const HI = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;
const LO = 1 - HI;

/** The 16-bit digit `level` (0: the highest) of the ordered bits of `v`. */
function digit(v: number, level: number): number {
  word[0] = v;
  let hi = words[HI], lo = words[LO];
  // Negative numbers: every bit flipped; others: the sign bit set.
  if (hi >>> 31) {
    hi = ~hi >>> 0;
    lo = ~lo >>> 0;
  } else hi = (hi | 0x80000000) >>> 0;
  const w = level < 2 ? hi : lo;
  return level % 2 === 0 ? w >>> 16 : w & 0xffff;
}

/** Narrows the ordered bits pass by pass; sorts what is left when it fits. */
function narrowingSelector(k: number, held: number): RankSelector {
  /** The digits fixed so far: the numbers read are those that start with them. */
  const prefix: number[] = [];
  /** The rank sought among the numbers that start with the prefix. */
  let rank = k;
  let counts: Float64Array | null = new Float64Array(DIGITS);
  let kept: number[] | null = null;
  let seen = 0;
  const matches = (v: number) => {
    for (let level = 0; level < prefix.length; level++) {
      if (digit(v, level) !== prefix[level]) return false;
    }
    return true;
  };
  return {
    add(values) {
      for (let i = 0; i < values.length; i++) {
        const v = values[i];
        if (!matches(v)) continue;
        seen++;
        if (!kept) counts![digit(v, prefix.length)]++;
        // With every digit fixed those left are equal: one stands for all.
        else if (prefix.length < 4 || kept.length === 0) kept.push(v);
      }
    },
    endPass() {
      if (kept) {
        if (seen <= rank) {
          throw new RangeError(`Cannot select rank ${rank} of ${seen} numbers`);
        }
        return prefix.length === 4
          ? kept[0]
          : Float64Array.from(kept).sort()[rank];
      }
      let d = 0;
      while (d < DIGITS && rank >= counts![d]) rank -= counts![d++];
      if (d === DIGITS) {
        throw new RangeError(`Cannot select rank ${rank} of ${seen} numbers`);
      }
      const left = counts![d];
      prefix.push(d);
      seen = 0;
      if (left <= held || prefix.length === 4) {
        // Those left fit (or have every digit fixed, so are all equal).
        counts = null;
        kept = [];
      } else counts!.fill(0);
      return undefined;
    },
  };
}
