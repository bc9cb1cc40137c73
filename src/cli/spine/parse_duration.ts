const UNITS: Readonly<Record<string, number>> = {
  s: 1,
  m: 60,
  h: 3600,
  d: 86400,
  w: 604800,
};

/**
 * Parses a duration like `30m`, `12h`, `7d` or `604800s` into seconds (a bare
 * number is seconds). Throws a `SyntaxError` in the house style otherwise.
 *
 * @example
 * ```ts
 * import { equal } from "node:assert/strict";
 * import { parseDuration } from "./parse_duration.ts";
 *
 * equal(parseDuration("7d"), 604800);
 * equal(parseDuration("30m"), 1800);
 * ```
 */
export function parseDuration(text: string): number {
  const match = /^\s*(\d+)\s*([smhdw]?)\s*$/i.exec(text);
  if (!match) {
    throw new SyntaxError(
      `Invalid duration ${
        JSON.stringify(text)
      }: expected a whole number with s, m, h or d, like "30m", "12h", "7d" or "604800s"`,
    );
  }
  return Number(match[1]) * UNITS[(match[2] || "s").toLowerCase()];
}
