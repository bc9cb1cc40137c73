/**
 * The change from `previous` to `current` as a fraction of `previous`
 * (0.1 = up 10 %), or null when there is nothing to compare with: `previous`
 * is null or zero.
 *
 * @example
 * ```ts
 * import { relativeChange } from "./relative_change.ts";
 * if (relativeChange(110, 100) !== 0.1) throw new Error("expected +10 %");
 * if (relativeChange(5, 0) !== null) throw new Error("expected null");
 * ```
 */
export function relativeChange(
  current: number | null,
  previous: number | null,
): number | null {
  if (current === null || previous === null || previous === 0) return null;
  const change = (current - previous) / Math.abs(previous);
  return Number.isFinite(change) ? change : null;
}
