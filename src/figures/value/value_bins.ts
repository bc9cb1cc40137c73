/** One bar of the value distribution: customers whose value is in [from, to). */
export interface ValueBin {
  from: number;
  to: number;
  customers: number;
  /** The last bin holds every value from `from` up, however large. */
  orMore: boolean;
}

/** Bars the value distribution aims at. */
export const VALUE_BINS = 20;

/**
 * The distribution of customers' predicted values as about `bins` bars of
 * one round width (1, 2 or 5 × a power of ten) from 0 to the 99th
 * percentile; the last bar holds every larger value too, so that a few
 * very valuable customers do not squeeze everyone else into one bar.
 *
 * @example
 * ```ts
 * import { valueBins } from "./value_bins.ts";
 * const bins = valueBins([0.5, 3, 12, 18, 44, 2000], 5);
 * if (bins.reduce((n, b) => n + b.customers, 0) !== 6 || !bins.at(-1)!.orMore) throw new Error(JSON.stringify(bins));
 * ```
 */
export function valueBins(
  values: ArrayLike<number>,
  bins = VALUE_BINS,
): ValueBin[] {
  const sorted = Float64Array.from(values).sort();
  const n = sorted.length;
  if (n === 0) return [];
  const { width, count } = binWidths(sorted[percentileRank(n)], bins);
  const out = emptyBins(width, count);
  for (const v of sorted) out[binOf(v, width, count)].customers++;
  return out;
}

/**
 * The rank (from 0, in ascending order) of the value the bars reach up to
 * among `n`: the 99th percentile's.
 */
export function percentileRank(n: number): number {
  return Math.min(n - 1, Math.floor(0.99 * (n - 1)));
}

/** What {@linkcode valueBinCounter} returns. */
export interface ValueBinCounter {
  /** Counts a batch of values. */
  add(values: ArrayLike<number>): void;
  /**
   * The bars of {@linkcode valueBins} for the values counted, given the
   * value of their percentileRank (`top`); null when its width is not one
   * of those counted (a 99th percentile under 10⁻¹¹ or past 10²²).
   */
  bins(top: number): ValueBin[] | null;
}

/** The powers of ten of the widths a counter counts bars of. */
const POWERS = { from: -12, to: 20 };

/**
 * The bars of {@linkcode valueBins}, the values read in batches before
 * the 99th percentile is known: each value is counted in the bars of every
 * width the percentile could ask for (1, 2, 5 and 10 × 10⁻¹² to 10²⁰),
 * about 130 counts of 23 each, so that the counter never holds the values
 * themselves.
 *
 * @example
 * ```ts
 * import { valueBinCounter, valueBins } from "./value_bins.ts";
 * const values = [0.5, 3, 12, 18, 44, 2000];
 * const counter = valueBinCounter(5);
 * counter.add(values.slice(0, 4));
 * counter.add(values.slice(4));
 * if (JSON.stringify(counter.bins(44)) !== JSON.stringify(valueBins(values, 5))) throw new Error("differ");
 * ```
 */
export function valueBinCounter(bins = VALUE_BINS): ValueBinCounter {
  // A width's bar count is at most bins + 1 (see binWidths): its counts
  // hold that many bars and one more for every value past them.
  const size = bins + 3;
  const widths: number[] = [];
  for (let p = POWERS.from; p <= POWERS.to; p++) {
    const power = Math.pow(10, p);
    for (const m of STEPS) {
      const w = m * power;
      if (!widths.includes(w)) widths.push(w);
    }
  }
  const counts = widths.map(() => new Float64Array(size));
  return {
    add(values) {
      for (let i = 0; i < values.length; i++) {
        const v = values[i];
        for (let w = 0; w < widths.length; w++) {
          counts[w][binOf(v, widths[w], size)]++;
        }
      }
    },
    bins(top) {
      const { width, count } = binWidths(top, bins);
      const at = widths.indexOf(width);
      if (at < 0 || count > size - 1) return null;
      const out = emptyBins(width, count);
      for (let i = 0; i < size; i++) {
        out[Math.min(i, count - 1)].customers += counts[at][i];
      }
      return out;
    },
  };
}

/** The round width of the bars up to `top` and their number. */
export function binWidths(
  top: number,
  bins: number,
): { width: number; count: number } {
  const width = top > 0 ? roundStep(top / bins) : 1;
  return { width, count: Math.max(1, Math.ceil(top / width + 1e-9)) };
}

/** Empty bars of `width`, the last one open. */
export function emptyBins(width: number, count: number): ValueBin[] {
  return Array.from({ length: count }, (_, i) => ({
    from: i * width,
    to: (i + 1) * width,
    customers: 0,
    orMore: i === count - 1,
  }));
}

/** The bar of `count` of `width` a value falls in. */
export function binOf(v: number, width: number, count: number): number {
  return Math.min(count - 1, Math.max(0, Math.floor(v / width)));
}

const STEPS = [1, 2, 5, 10];

/** The smallest of 1, 2, 5 × 10ⁿ at or above `step`. */
function roundStep(step: number): number {
  const power = Math.pow(10, Math.floor(Math.log10(step)));
  for (const m of STEPS) if (m * power >= step) return m * power;
  return 10 * power;
}
