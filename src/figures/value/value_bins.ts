/** One bar of the value distribution: customers whose value is in [from, to). */
export interface ValueBin {
  from: number;
  to: number;
  customers: number;
  /** The last bin holds every value from `from` up, however large. */
  orMore: boolean;
}

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
export function valueBins(values: ArrayLike<number>, bins = 20): ValueBin[] {
  const sorted = Float64Array.from(values).sort();
  const n = sorted.length;
  if (n === 0) return [];
  const top = sorted[Math.min(n - 1, Math.floor(0.99 * (n - 1)))];
  const width = top > 0 ? roundStep(top / bins) : 1;
  const count = Math.max(1, Math.ceil(top / width + 1e-9));
  const out: ValueBin[] = Array.from({ length: count }, (_, i) => ({
    from: i * width,
    to: (i + 1) * width,
    customers: 0,
    orMore: i === count - 1,
  }));
  for (const v of sorted) {
    out[Math.min(count - 1, Math.max(0, Math.floor(v / width)))].customers++;
  }
  return out;
}

/** The smallest of 1, 2, 5 × 10ⁿ at or above `step`. */
function roundStep(step: number): number {
  const power = Math.pow(10, Math.floor(Math.log10(step)));
  for (const m of [1, 2, 5, 10]) if (m * power >= step) return m * power;
  return 10 * power;
}
