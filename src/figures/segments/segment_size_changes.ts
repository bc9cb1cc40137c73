import {
  GONE_CUSTOMERS,
  NEW_CUSTOMERS,
  type SegmentMigration,
  segmentOrder,
} from "./segment_migration.ts";

/** How many customers a segment held in the earlier run and holds now. */
export interface SegmentSizeChange {
  segment: string;
  /** Customers in the segment in the earlier run. */
  before: number;
  /** Customers in the segment in this run. */
  after: number;
  /** `after - before`. */
  change: number;
}

/**
 * Each segment's size in the earlier run and in this one, from the
 * migration's flows (a flow from "(new)" adds only to this run's sizes, a
 * flow to "(gone)" only to the earlier run's), in segment order.
 *
 * @example
 * ```ts
 * import { segmentSizeChanges } from "./segment_size_changes.ts";
 * const sizes = segmentSizeChanges({
 *   previous: { runId: "1", generatedAt: "", asOf: null, sameData: true },
 *   counts: { common: 3, moved: 1, stayed: 2, new: 1, gone: 0 },
 *   flows: [
 *     { from: "(new)", to: "At Risk", customers: 1, revenue: 5 },
 *     { from: "Champions", to: "Champions", customers: 2, revenue: 9 },
 *     { from: "Champions", to: "At Risk", customers: 1, revenue: 3 },
 *   ],
 * });
 * // Champions 3 → 2, At Risk 0 → 2.
 * if (sizes[0].segment !== "Champions" || sizes[0].change !== -1 || sizes[1].after !== 2) {
 *   throw new Error(JSON.stringify(sizes));
 * }
 * ```
 */
export function segmentSizeChanges(
  migration: SegmentMigration,
): SegmentSizeChange[] {
  const before = new Map<string, number>();
  const after = new Map<string, number>();
  for (const f of migration.flows) {
    if (f.from !== NEW_CUSTOMERS) {
      before.set(f.from, (before.get(f.from) ?? 0) + f.customers);
    }
    if (f.to !== GONE_CUSTOMERS) {
      after.set(f.to, (after.get(f.to) ?? 0) + f.customers);
    }
  }
  return segmentOrder([...before.keys(), ...after.keys()]).map((segment) => {
    const b = before.get(segment) ?? 0;
    const a = after.get(segment) ?? 0;
    return { segment, before: b, after: a, change: a - b };
  });
}

/**
 * The segment that grew most and the one that shrank most (by customers;
 * ties go to the first in segment order), each null when none did.
 */
export function largestSizeChanges(
  sizes: readonly SegmentSizeChange[],
): { grew: SegmentSizeChange | null; shrank: SegmentSizeChange | null } {
  let grew: SegmentSizeChange | null = null;
  let shrank: SegmentSizeChange | null = null;
  for (const s of sizes) {
    if (s.change > 0 && (grew === null || s.change > grew.change)) grew = s;
    if (s.change < 0 && (shrank === null || s.change < shrank.change)) {
      shrank = s;
    }
  }
  return { grew, shrank };
}
