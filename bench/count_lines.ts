/**
 * Counts the line feeds in a chunk of bytes: the one pass over the input
 * that the benchmark's floor makes.
 *
 * @example
 * ```ts
 * import { countLines } from "./count_lines.ts";
 * if (countLines(new TextEncoder().encode("a,b\n1,2\n")) !== 2) throw new Error("count");
 * ```
 */
export function countLines(chunk: Uint8Array): number {
  let lines = 0;
  for (let at = chunk.indexOf(10); at >= 0; at = chunk.indexOf(10, at + 1)) {
    lines++;
  }
  return lines;
}
