/**
 * How the page shows the time a report was generated: its ISO form to the
 * second, in UTC, said so.
 *
 * @example
 * ```ts
 * import { generatedAtText } from "./generated_at_text.ts";
 * if (generatedAtText("2026-12-05T08:48:41.123Z") !== "2026-12-05 08:48:41 UTC") {
 *   throw new Error();
 * }
 * ```
 */
export function generatedAtText(generatedAt: string): string {
  return generatedAt.replace("T", " ").replace(/\.\d+Z$|Z$/, " UTC");
}
