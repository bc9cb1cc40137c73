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
