/**
 * A number of seconds in words, in the largest unit that divides it:
 * `7 days`, `12 hours`, `90 minutes`, `45 seconds`.
 *
 * @example
 * ```ts
 * import { deepEqual } from "node:assert/strict";
 * import { formatDuration } from "./format_duration.ts";
 *
 * deepEqual(formatDuration(691200), "8 days");
 * deepEqual(formatDuration(5400), "90 minutes");
 * ```
 */
export function formatDuration(seconds: number): string {
  const units: [number, string][] = [[86400, "day"], [3600, "hour"], [
    60,
    "minute",
  ]];
  for (const [size, name] of units) {
    if (seconds >= size && seconds % size === 0) {
      const n = seconds / size;
      return `${n} ${name}${n === 1 ? "" : "s"}`;
    }
  }
  return `${seconds} second${seconds === 1 ? "" : "s"}`;
}
