/**
 * Normalises a CSV header name: trimmed, lower case, runs of spaces (and
 * other separators) turned into one underscore.
 *
 * @example
 * ```ts
 * import { normaliseHeader } from "./normalise_header.ts";
 * if (normaliseHeader("  Sales Amount ") !== "sales_amount") throw new Error();
 * ```
 */
export function normaliseHeader(name: string): string {
  return name.replace(/^\uFEFF/, "").trim().toLowerCase().replace(
    /[\s\-.]+/g,
    "_",
  );
}
