/**
 * Rounds to 6 decimals. Sums of amounts go through it so that they do not
 * depend on summation order (DuckDB sums in parallel, pandas in its own
 * order): the same data always gives the same bits.
 */
export function round6(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
