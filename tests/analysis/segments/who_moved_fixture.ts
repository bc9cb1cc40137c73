/**
 * Two runs' customers for "Who moved": the same customers as segment
 * groups (for the engine's customer table) and as snapshots (for the
 * comparison in memory). Spends on the half cent and sums that floating
 * point adds inexactly (0.1 + 0.2); ids whose byte order is not their
 * order by language ("B" < "_c" < "a" < "é").
 */
import {
  type CustomerGroups,
  customerGroupsOf,
} from "../../../src/figures/segments/customer_groups.ts";
import type { SegmentSnapshot } from "../../../src/figures/segments/segment_snapshot.ts";

type Customer = [id: string, segment: string, monetary: number];

/** The earlier run: a, b, c, d Loyal; e Champions; f and "é" Lost. */
export const EARLIER: Customer[] = [
  ["B", "Champions", 900.1],
  ["_c", "Loyal Customers", 0.2],
  ["a", "Loyal Customers", 0.1],
  ["d", "Loyal Customers", 50],
  ["f", "Lost", 40.005],
  ["\u00e9", "Lost", -1.005],
];

/** This run: B, _c, a moved, d stayed, f and é gone, g and h new. */
export const LATER: Customer[] = [
  ["B", "Loyal Customers", 1000.125],
  ["_c", "At Risk", 0.2],
  ["a", "At Risk", 0.1],
  ["d", "Loyal Customers", 60.7],
  ["g", "Promising", 2.675],
  ["h", "Promising", -0.125],
];

/** Customers as groups (ids in byte order, as the report has them). */
export function groupsOf(customers: Customer[]): CustomerGroups {
  return customerGroupsOf(
    customers.map(([id, segment, monetary]) => ({ id, segment, monetary })),
  );
}

/** Customers as a snapshot of run `runId`. */
export function snapshotOf(
  runId: string,
  fingerprint: string,
  customers: Customer[],
): SegmentSnapshot {
  const segments = [...new Set(customers.map(([, s]) => s))];
  return {
    runId,
    generatedAt: "2026-01-01T00:00:00Z",
    asOf: "2026-01-01",
    source: "fixture",
    fingerprint,
    ids: customers.map(([id]) => id),
    segments,
    segment: customers.map(([, s]) => segments.indexOf(s)),
    revenue: customers.map(([, , m]) => m),
  };
}
