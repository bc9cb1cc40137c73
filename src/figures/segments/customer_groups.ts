/**
 * Each scored customer's RFM segment, cluster label and net spend, held by
 * column: the ids once, the labels as small integer codes into their name
 * lists, the spends as doubles. It is what the report carries from the
 * segmentation to the value figures and segments.json, and what the
 * customer table the cohorts, filters, baskets and cube join is uploaded
 * from, without an object or a map entry per customer. Pure, so that it
 * also runs in the page and the notebooks.
 *
 * @module
 */

import { NONE_LABEL } from "../../model/none_label.ts";

/** Each scored customer's segment, cluster label and net spend, by column (see the module). */
export interface CustomerGroups {
  /** Customer ids, one per scored customer. */
  readonly ids: readonly string[];
  /** Segment names; `segment[i]` is customer i's index into it. */
  readonly segments: readonly string[];
  readonly segment: Uint16Array;
  /** Cluster labels ("(none)": no cluster); `cluster[i]` is customer i's index into it. */
  readonly clusters: readonly string[];
  readonly cluster: Uint16Array;
  /** Each customer's net spend (RFM monetary). */
  readonly monetary: Float64Array;
  /** The row numbers in the order of their ids (see idOrder): lookups by id search it. */
  readonly byId: Uint32Array;
}

/** The columns {@linkcode customerGroups} reads, row `i` at a time. */
export interface CustomerGroupColumns {
  ids: readonly string[];
  segment(i: number): string;
  /** Default "(none)" for every customer. */
  cluster?(i: number): string;
  /** Default 0 for every customer. */
  monetary?(i: number): number;
  /** The ids' {@linkcode idOrder}, when the caller already has it. */
  byId?: Uint32Array;
}

/**
 * Customer groups from their columns, read row by row: each label is
 * coded into its name list (names in the order they first appear).
 *
 * @example
 * ```ts
 * import { customerGroups, groupIndex, groupSegment } from "./customer_groups.ts";
 * const groups = customerGroups({
 *   ids: ["b", "a"],
 *   segment: (i) => ["Lost", "Champions"][i],
 * });
 * if (groupSegment(groups, groupIndex(groups, "a")) !== "Champions") throw new Error();
 * if (groupIndex(groups, "z") !== -1) throw new Error();
 * ```
 */
export function customerGroups(columns: CustomerGroupColumns): CustomerGroups {
  const n = columns.ids.length;
  const coder = () => {
    const names: string[] = [];
    const codes = new Map<string, number>();
    const column = new Uint16Array(n);
    const code = (name: string) => {
      let c = codes.get(name);
      if (c === undefined) {
        if (names.length > 0xffff) {
          throw new RangeError(
            `Cannot label the customers: over ${0xffff + 1} distinct labels`,
          );
        }
        c = names.length;
        names.push(name);
        codes.set(name, c);
      }
      return c;
    };
    return { names, column, code };
  };
  const segment = coder();
  const cluster = coder();
  const monetary = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    segment.column[i] = segment.code(columns.segment(i));
    cluster.column[i] = cluster.code(columns.cluster?.(i) ?? NONE_LABEL);
    monetary[i] = columns.monetary?.(i) ?? 0;
  }
  return {
    ids: columns.ids,
    segments: segment.names,
    segment: segment.column,
    clusters: cluster.names,
    cluster: cluster.column,
    monetary,
    byId: columns.byId ?? idOrder(columns.ids),
  };
}

/** No customer: the groups of data without a scored customer. */
export const NO_CUSTOMER_GROUPS: CustomerGroups = customerGroups({
  ids: [],
  segment: () => NONE_LABEL,
});

/** Customer `i`'s segment name. */
export function groupSegment(groups: CustomerGroups, i: number): string {
  return groups.segments[groups.segment[i]];
}

/** Customer `i`'s cluster label ("(none)": no cluster). */
export function groupCluster(groups: CustomerGroups, i: number): string {
  return groups.clusters[groups.cluster[i]];
}

/** Customer `id`'s row number in `groups`, or -1 when it has none. */
export function groupIndex(groups: CustomerGroups, id: string): number {
  return findId(groups.ids, groups.byId, id);
}

/**
 * Each customer as `[id, segment, cluster]`, made one at a time as they
 * are read (for a table uploaded to the engine); `noCluster` stands for
 * "(none)" as a cluster.
 */
export function* groupRows(
  groups: CustomerGroups,
  noCluster: string | null = NONE_LABEL,
): IterableIterator<[string, string, string | null]> {
  const { ids, segments, segment, clusters, cluster } = groups;
  for (let i = 0; i < ids.length; i++) {
    const label = clusters[cluster[i]];
    yield [
      ids[i],
      segments[segment[i]],
      label === NONE_LABEL ? noCluster : label,
    ];
  }
}

/**
 * The positions of `ids` in the order of the ids, compared by UTF-16 code
 * unit (JavaScript's `<`), equal ids in their order: what
 * {@linkcode findId} searches instead of a map of every id.
 */
export function idOrder(ids: readonly string[]): Uint32Array {
  const order = new Uint32Array(ids.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  return order.sort((a, b) => {
    const x = ids[a], y = ids[b];
    return x < y ? -1 : x > y ? 1 : a - b;
  });
}

/**
 * The position of `id` in `ids` (the last one when it is there more than
 * once, as a map built from them would keep), or -1: a binary search of
 * `order`, the ids' {@linkcode idOrder}.
 *
 * @example
 * ```ts
 * import { findId, idOrder } from "./customer_groups.ts";
 * const ids = ["c", "a", "b", "a"];
 * const order = idOrder(ids);
 * if (findId(ids, order, "a") !== 3 || findId(ids, order, "d") !== -1) throw new Error();
 * ```
 */
export function findId(
  ids: readonly string[],
  order: Uint32Array,
  id: string,
): number {
  // The first position whose id is after `id`: the one before it is the
  // last equal one, if any.
  let lo = 0, hi = order.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (ids[order[mid]] <= id) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 && ids[order[lo - 1]] === id ? order[lo - 1] : -1;
}

/** Whether two lists hold the same ids in the same order (the same array, at once). */
export function sameIds(a: readonly string[], b: readonly string[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** One customer's labels, for {@linkcode customerGroupsOf}. */
export interface CustomerGroupRow {
  id: string;
  segment: string;
  /** Default "(none)". */
  cluster?: string;
  /** Default 0. */
  monetary?: number;
}

/**
 * Customer groups from one object per customer: for tests, notebooks and
 * small data; the report builds them from columns (see customerGroups).
 *
 * @example
 * ```ts
 * import { customerGroupsOf, groupCluster } from "./customer_groups.ts";
 * const groups = customerGroupsOf([{ id: "a", segment: "Lost", cluster: "1. Fuel" }]);
 * if (groupCluster(groups, 0) !== "1. Fuel") throw new Error();
 * ```
 */
export function customerGroupsOf(
  rows: readonly CustomerGroupRow[],
): CustomerGroups {
  return customerGroups({
    ids: rows.map((row) => row.id),
    segment: (i) => rows[i].segment,
    cluster: (i) => rows[i].cluster ?? NONE_LABEL,
    monetary: (i) => rows[i].monetary ?? 0,
  });
}
