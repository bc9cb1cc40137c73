/** What the reader filtered, as the page keeps it in the URL hash. */
export interface FilterState {
  categories?: string[];
  regions?: string[];
  stores?: string[];
  channels?: string[];
  segments?: string[];
  clusters?: string[];
  from?: string;
  to?: string;
}

const LISTS = [
  "categories",
  "regions",
  "stores",
  "channels",
  "segments",
  "clusters",
] as const;
const HASH_KEYS: Record<string, keyof FilterState> = {
  category: "categories",
  region: "regions",
  store: "stores",
  channel: "channels",
  segment: "segments",
  cluster: "clusters",
  from: "from",
  to: "to",
};

/**
 * Writes a filter state as a URL hash: `#category=Books&category=Toys&from=2025-07-01`.
 * Empty filters give the empty string.
 *
 * @example
 * ```ts
 * import { filterHash, parseFilterHash } from "./filter_state.ts";
 * const hash = filterHash({ categories: ["Home & Garden"], from: "2025-07-01" });
 * if (hash !== "#category=Home+%26+Garden&from=2025-07-01") throw new Error(hash);
 * if (parseFilterHash(hash).categories?.[0] !== "Home & Garden") throw new Error();
 * ```
 */
export function filterHash(state: FilterState): string {
  const params = new URLSearchParams();
  for (const [key, field] of Object.entries(HASH_KEYS)) {
    const value = state[field];
    if (Array.isArray(value)) { for (const v of value) params.append(key, v); }
    else if (typeof value === "string" && value) params.append(key, value);
  }
  const text = params.toString();
  return text ? `#${text}` : "";
}

/** Reads a URL hash written by {@linkcode filterHash}; unknown keys are ignored. */
export function parseFilterHash(hash: string): FilterState {
  const params = new URLSearchParams(hash.replace(/^#/, ""));
  const state: FilterState = {};
  for (const [key, value] of params) {
    const field = HASH_KEYS[key];
    if (!field || value === "") continue;
    if (field === "from" || field === "to") {
      if (/^\d{4}-\d{2}-\d{2}$/.test(value)) state[field] = value;
    } else {
      (state[field] ??= []).push(value);
    }
  }
  return state;
}

/** Whether a state filters anything. */
export function isFiltered(state: FilterState): boolean {
  return LISTS.some((k) => (state[k]?.length ?? 0) > 0) ||
    Boolean(state.from || state.to);
}

/**
 * Keeps the values of a filter state that the page offers, and lists the
 * others ("category \"Bookz\""): a link from an older report, or a typo in
 * a hand-written hash, must not leave the reader with an empty page and no
 * word why.
 *
 * @example
 * ```ts
 * import { offeredFilters } from "./filter_state.ts";
 * const { state, dropped } = offeredFilters(
 *   { categories: ["Books", "Bookz"], from: "2025-01-01" },
 *   { categories: ["Books", "Toys"] },
 * );
 * if (JSON.stringify(state) !== '{"categories":["Books"],"from":"2025-01-01"}') throw new Error();
 * if (dropped.join() !== 'category "Bookz"') throw new Error(dropped.join());
 * ```
 */
export function offeredFilters(
  state: FilterState,
  offered: Partial<Record<typeof LISTS[number], readonly string[]>>,
): { state: FilterState; dropped: string[] } {
  const kept: FilterState = {};
  const dropped: string[] = [];
  for (const [key, field] of Object.entries(HASH_KEYS)) {
    if (field === "from" || field === "to") {
      if (state[field]) kept[field] = state[field];
      continue;
    }
    const values = state[field];
    if (!values?.length) continue;
    const known = new Set(offered[field] ?? []);
    const ok = values.filter((v) => known.has(v));
    for (const v of values) {
      if (!known.has(v)) dropped.push(`${key} ${JSON.stringify(v)}`);
    }
    if (ok.length) kept[field] = ok;
  }
  return { state: kept, dropped };
}
