import type { SegmentRow } from "../../figures/segments/read_segment_snapshot.ts";
import {
  GONE_CUSTOMERS,
  migrationOfFlows,
  NEW_CUSTOMERS,
  type SegmentFlow,
  type SegmentMigration,
} from "../../figures/segments/segment_migration.ts";
import { type Dataset, queryRows } from "../../source/dataset.ts";
import { engineOf } from "../../source/duckdb_engine.ts";
import { sqlIdentifier } from "../../model/sql_string.ts";

/** The temporary table of the earlier run's customers. */
export const PREVIOUS_TABLE = "basket_previous_customers";

/**
 * Uploads an earlier run's customers (id, segment, net spend to the cent)
 * as the temporary table `name`, each row read from the segments file on
 * disk as it is sent (see scanSegmentsFile; or from a text, see
 * scanSegmentSnapshot): no array of customers is held.
 */
export async function uploadSnapshotTable(
  data: Dataset,
  snapshot: {
    rows(): Iterable<SegmentRow> | AsyncIterable<SegmentRow>;
  },
  name: string = PREVIOUS_TABLE,
): Promise<void> {
  await engineOf(data).createTempTable(
    name,
    [
      { name: "customer_id", type: "VARCHAR" },
      { name: "segment", type: "VARCHAR" },
      { name: "monetary", type: "DOUBLE" },
    ],
    snapshot.rows(),
  );
}

/** Tables of customers to compare: customer_id, segment, monetary. */
export interface FlowTables {
  /** The earlier run's customers (see uploadSnapshotTable). */
  previous: string;
  /** This run's: the customer table (see uploadCustomerTable). */
  current: string;
}

/**
 * Who moved, computed in the engine: the earlier run's customers joined
 * with this run's by id (a FULL OUTER JOIN, so that new and gone customers
 * count), grouped by the pair of segments, each customer's net spend to
 * the cent as the segments file has it (this run's, or for a gone one the
 * earlier run's). The cents are added as whole numbers, exactly whatever
 * the order the engine adds them in, so that DuckDB and PostgreSQL give
 * the same figures as segmentMigration does from the two files in memory.
 * Only the flows (a row per pair of segments) come back.
 */
export async function segmentFlows(
  data: Dataset,
  tables: FlowTables,
  previous: Parameters<typeof migrationOfFlows>[0],
  fingerprint: string,
): Promise<SegmentMigration> {
  const rows = await queryRows<{
    from_segment: string | null;
    to_segment: string | null;
    customers: number;
    cents: number;
  }>(
    data,
    `SELECT p.segment AS from_segment, c.segment AS to_segment,
       COUNT(*) AS customers,
       SUM(${
      cents(
        "CASE WHEN c.customer_id IS NULL THEN p.monetary ELSE c.monetary END",
      )
    }) AS cents
     FROM ${sqlIdentifier(tables.previous)} p
     FULL OUTER JOIN ${sqlIdentifier(tables.current)} c
       ON p.customer_id = c.customer_id
     GROUP BY p.segment, c.segment`,
  );
  const flows: SegmentFlow[] = rows.map((r) => ({
    from: r.from_segment ?? NEW_CUSTOMERS,
    to: r.to_segment ?? GONE_CUSTOMERS,
    customers: r.customers,
    revenue: r.cents / 100,
  }));
  return migrationOfFlows(previous, fingerprint, flows);
}

/**
 * A spend in whole cents as the segments file rounds it
 * (`Math.round(x * 100)`: halves up), in SQL both engines share.
 */
function cents(value: string): string {
  const x = `(${value}) * 100`;
  return `CASE WHEN ${x} - FLOOR(${x}) >= 0.5 THEN CEIL(${x}) ELSE FLOOR(${x}) END`;
}
