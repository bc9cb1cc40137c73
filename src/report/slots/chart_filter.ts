/**
 * Filtering by a click on a chart: a bar or cell stands for a filter value
 * (a category, a store, a month); its link is the URL hash of that value
 * (see filterHash), and the page's script merges it into the filters the
 * reader has.
 *
 * @module
 */
import type { ChartFilter } from "../../charts/chart_options.ts";
import {
  filterHash,
  type FilterState,
  parseFilterHash,
} from "../filter_state.ts";

const LISTS = {
  category: "categories",
  region: "regions",
  store: "stores",
  channel: "channels",
  segment: "segments",
  cluster: "clusters",
} as const;

/**
 * The URL hash of what a chart's mark stands for: `#category=Books`.
 *
 * @example
 * ```ts
 * import { chartFilterHref } from "./chart_filter.ts";
 * const href = chartFilterHref({ category: "Books", from: "2025-03-01", to: "2025-03-31" });
 * if (href !== "#category=Books&from=2025-03-01&to=2025-03-31") throw new Error(href);
 * ```
 */
export function chartFilterHref(filter: ChartFilter): string {
  const state: FilterState = {};
  for (const [key, field] of Object.entries(LISTS)) {
    const value = filter[key as keyof typeof LISTS];
    if (value !== undefined) state[field] = [value];
  }
  if (filter.from) state.from = filter.from;
  if (filter.to) state.to = filter.to;
  return filterHash(state);
}

/**
 * The filters after a click on a mark whose link is `hash`: each list the
 * mark names is set to its one value, and its dates to its period, the
 * reader's other filters kept; a click on what is already the whole of
 * those filters takes them off again (a second click undoes the first).
 *
 * @example
 * ```ts
 * import { clickedFilters } from "./chart_filter.ts";
 * const once = clickedFilters({ regions: ["North"] }, "#category=Books");
 * if (JSON.stringify(once) !== '{"regions":["North"],"categories":["Books"]}') throw new Error(JSON.stringify(once));
 * const twice = clickedFilters(once, "#category=Books");
 * if (JSON.stringify(twice) !== '{"regions":["North"]}') throw new Error(JSON.stringify(twice));
 * ```
 */
export function clickedFilters(
  current: FilterState,
  hash: string,
): FilterState {
  const clicked = parseFilterHash(hash);
  const same = (a: readonly string[] | undefined, b: readonly string[]) =>
    a?.length === b.length && a.every((v, i) => v === b[i]);
  const lists = Object.values(LISTS).filter((f) => clicked[f]?.length);
  const dated = Boolean(clicked.from || clicked.to);
  const already = lists.every((f) => same(current[f], clicked[f]!)) &&
    (!dated || (current.from === clicked.from && current.to === clicked.to));
  const next: FilterState = { ...current };
  for (const field of lists) {
    if (already) delete next[field];
    else next[field] = [...clicked[field]!];
  }
  if (dated) {
    delete next.from;
    delete next.to;
    if (!already) {
      if (clicked.from) next.from = clicked.from;
      if (clicked.to) next.to = clicked.to;
    }
  }
  return next;
}
