import type { NumberFormats } from "../format/number_formats.ts";
import { DEFAULT_SEGMENT_MAP } from "./rfm_segment_map.ts";
import type { SegmentSnapshot } from "./segment_snapshot.ts";
import { findId, idOrder } from "./customer_groups.ts";
import { round6 } from "../../stats/round6.ts";

/** Where a customer new since the earlier run comes from, in the table. */
export const NEW_CUSTOMERS = "(new)";
/** Where a customer the earlier run had and this one has not goes. */
export const GONE_CUSTOMERS = "(gone)";

/** One flow of the migration table. */
export interface SegmentFlow {
  /** The earlier run's segment, or "(new)". */
  from: string;
  /** This run's segment, or "(gone)". */
  to: string;
  customers: number;
  /**
   * The flow's customers' net spend as of this run (RFM monetary); for
   * "(gone)", as of the earlier run, the last time they were seen.
   */
  revenue: number;
}

/** Who moved between two runs' segments. */
export interface SegmentMigration {
  /** The run compared against. */
  previous: {
    runId: string;
    generatedAt: string;
    asOf: string | null;
    /** Whether it read the same data (the same fingerprint). */
    sameData: boolean;
  };
  /** Customers in both runs, those of them in another segment now, new and gone ones. */
  counts: {
    common: number;
    moved: number;
    stayed: number;
    new: number;
    gone: number;
  };
  /** Every non-empty flow, earlier segment by segment order, then later. */
  flows: SegmentFlow[];
}

/**
 * Compares two runs' segments customer by customer (by id): the table of
 * flows from each earlier segment (or "(new)") to each segment now (or
 * "(gone)"), with customers and net spend. Runs made from different data
 * compare the same way; `previous.sameData` says whether they were.
 *
 * Each run's customers are found in the other's by a binary search of its
 * ids (see idOrder), not through a map of every customer.
 *
 * @example
 * ```ts
 * import { segmentMigration } from "./segment_migration.ts";
 * const run = (runId: string, segment: string, revenue: number) => ({
 *   runId, generatedAt: "", asOf: null, source: "s", fingerprint: "f",
 *   ids: ["a"], segments: [segment], segment: [0], revenue: [revenue],
 * });
 * const m = segmentMigration(run("1", "Loyal Customers", 90), run("2", "At Risk", 100));
 * if (m.counts.moved !== 1 || m.flows[0].to !== "At Risk" || m.flows[0].revenue !== 100) throw new Error();
 * ```
 */
export function segmentMigration(
  previous: SegmentSnapshot,
  current: SegmentSnapshot,
): SegmentMigration {
  const before = idOrder(previous.ids);
  const now = idOrder(current.ids);
  const segmentAt = (snapshot: SegmentSnapshot, i: number) =>
    snapshot.segments[snapshot.segment[i]];
  // Spends added as whole cents, as the files hold them (halves up), and
  // divided once: exact whatever the order, as the engine's comparison
  // (segmentFlows) adds them.
  const flows = new Map<string, SegmentFlow & { cents: number }>();
  const add = (from: string, to: string, revenue: number) => {
    const key = `${from}\u0000${to}`;
    const flow = flows.get(key) ??
      { from, to, customers: 0, revenue: 0, cents: 0 };
    flow.customers++;
    flow.cents += Math.round(revenue * 100);
    flows.set(key, flow);
  };
  for (let i = 0; i < current.ids.length; i++) {
    const j = findId(previous.ids, before, current.ids[i]);
    add(
      j < 0 ? NEW_CUSTOMERS : segmentAt(previous, j),
      segmentAt(current, i),
      current.revenue[i],
    );
  }
  for (let j = 0; j < previous.ids.length; j++) {
    if (findId(current.ids, now, previous.ids[j]) >= 0) continue;
    add(segmentAt(previous, j), GONE_CUSTOMERS, previous.revenue[j]);
  }
  return migrationOfFlows(
    previous,
    current.fingerprint,
    [...flows.values()].map(({ cents, ...flow }) => ({
      ...flow,
      revenue: cents / 100,
    })),
  );
}

/**
 * Who moved, from the flows of two runs' customers (each pair of segments
 * once, in any order, revenue summed): the counts, and the flows in
 * segment order, "(new)" first and "(gone)" last, revenue to 6 decimals.
 * What segmentMigration makes in memory, and the report by a GROUP BY in
 * the engine (see segmentFlows).
 */
export function migrationOfFlows(
  previous: Pick<
    SegmentSnapshot,
    "runId" | "generatedAt" | "asOf" | "fingerprint"
  >,
  fingerprint: string,
  flows: readonly SegmentFlow[],
): SegmentMigration {
  const counts = { common: 0, moved: 0, stayed: 0, new: 0, gone: 0 };
  const used = new Set<string>();
  for (const f of flows) {
    if (f.from === NEW_CUSTOMERS) counts.new += f.customers;
    else if (f.to === GONE_CUSTOMERS) counts.gone += f.customers;
    else {
      counts.common += f.customers;
      if (f.from === f.to) counts.stayed += f.customers;
      else counts.moved += f.customers;
    }
    if (f.from !== NEW_CUSTOMERS) used.add(f.from);
    if (f.to !== GONE_CUSTOMERS) used.add(f.to);
  }
  const order = segmentOrder(used);
  const rank = (name: string) =>
    name === NEW_CUSTOMERS
      ? -1
      : name === GONE_CUSTOMERS
      ? order.length
      : order.indexOf(name);
  return {
    previous: {
      runId: previous.runId,
      generatedAt: previous.generatedAt,
      asOf: previous.asOf,
      sameData: previous.fingerprint === fingerprint,
    },
    counts,
    flows: flows
      .map((f) => ({ ...f, revenue: round6(f.revenue) }))
      .sort((a, b) => rank(a.from) - rank(b.from) || rank(a.to) - rank(b.to)),
  };
}

/**
 * The largest moves (customers in another segment now, new and gone ones
 * left out), most customers first, ties by revenue, in words:
 * `37 Loyal Customers are now At Risk, $18,400 of revenue`.
 */
export function largestMoves(
  migration: SegmentMigration,
  format: NumberFormats,
  count = 5,
): string[] {
  return migration.flows
    .filter((f) =>
      f.from !== f.to && f.from !== NEW_CUSTOMERS && f.to !== GONE_CUSTOMERS
    )
    .sort((a, b) =>
      b.customers - a.customers || b.revenue - a.revenue ||
      (a.from + a.to < b.from + b.to ? -1 : 1)
    )
    .slice(0, count)
    .map((f) =>
      `${format.integer(f.customers)} ${f.from} ${
        f.customers === 1 ? "is" : "are"
      } now ${f.to}, ${format.wholeMoney(f.revenue)} of revenue`
    );
}

/** Segment names in the standard map's order, any others after by name. */
export function segmentOrder(names: Iterable<string>): string[] {
  const present = new Set(names);
  const standard = DEFAULT_SEGMENT_MAP.map((r) => r.segment);
  return [
    ...standard.filter((s) => present.has(s)),
    ...[...present].filter((s) => !standard.includes(s)).sort(),
  ];
}
