/**
 * How a time series draws periods that lie only partly in the report's
 * period (the first and last week or month): not as a cliff of the whole
 * line, but apart, as dashed links to their whole neighbours.
 *
 * @module
 */

/** What {@linkcode partialLinks} gives: which points the solid line keeps, and the dashed links. */
export interface PartialLinks {
  /** For each point: whether the solid line of whole periods goes through it. */
  solid: boolean[];
  /** Pairs of neighbouring points `[i, i + 1]`, one of them partial, drawn dashed. */
  links: [number, number][];
}

/**
 * Splits a series' line by its partial periods: the solid line goes through
 * whole periods only (a partial one breaks it), and each partial period is
 * linked to its neighbours by a dashed segment, unless a gap left out
 * (`breakBefore`) stands between them.
 *
 * @example
 * ```ts
 * import { partialLinks } from "./partial_links.ts";
 * const { solid, links } = partialLinks([true, false, false, true]);
 * if (solid.join() !== "false,true,true,false") throw new Error();
 * if (JSON.stringify(links) !== "[[0,1],[2,3]]") throw new Error();
 * ```
 */
export function partialLinks(
  partial: readonly boolean[],
  breakBefore: readonly boolean[] = [],
): PartialLinks {
  const links: [number, number][] = [];
  for (let i = 0; i + 1 < partial.length; i++) {
    if ((partial[i] || partial[i + 1]) && !breakBefore[i + 1]) {
      links.push([i, i + 1]);
    }
  }
  return { solid: partial.map((p) => !p), links };
}
