/**
 * The candidate closest to `word` by edit distance (Levenshtein), when it is
 * close enough to be a typo: at most 1 edit for words of up to 4 letters, 2
 * up to 8, 3 beyond. Undefined otherwise.
 *
 * @example
 * ```ts
 * import { didYouMean } from "./did_you_mean.ts";
 * if (didYouMean("categry", ["category", "region"]) !== "category") throw new Error();
 * ```
 */
export function didYouMean(
  word: string,
  candidates: Iterable<string>,
): string | undefined {
  const most = word.length <= 4 ? 1 : word.length <= 8 ? 2 : 3;
  let best: string | undefined;
  let bestDistance = most + 1;
  for (const candidate of candidates) {
    const distance = editDistance(word, candidate);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** Levenshtein distance: insertions, deletions and substitutions. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(
        previous[j] + 1,
        current[j - 1] + 1,
        previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    previous = current;
  }
  return previous[b.length];
}
