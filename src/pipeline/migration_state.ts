import {
  PREVIOUS_TABLE,
  segmentFlows,
  uploadSnapshotTable,
} from "../analysis/segments/segment_flows.ts";
import type { CustomerTable } from "../analysis/segments/customer_table.ts";
import { SEGMENTS_FILE } from "../figures/segments/segment_snapshot.ts";
import type { MigrationState } from "../report/customers/render_migration_view.ts";
import {
  closeDataset,
  createDataset,
  type Dataset,
} from "../source/dataset.ts";
import { engineOf } from "../source/duckdb_engine.ts";
import type { PreviousSegments } from "./previous_segments.ts";
import { scanSegmentsFile } from "./scan_segments_file.ts";

/**
 * The "Who moved" section's state for a build's customer table: compared
 * in the dataset's engine (DuckDB or the warehouse) when the earlier run's
 * segments were found, the earlier run's customers read from its file as
 * they are uploaded as a temporary table for the comparison, and dropped
 * after it (see segmentFlows); the file is released then (see
 * previousSegments).
 */
export async function migrationInEngine(
  data: Dataset,
  table: Pick<CustomerTable, "name">,
  previous: PreviousSegments,
  fingerprint: string,
): Promise<MigrationState> {
  if (previous.kind !== "found") return previous;
  const engine = engineOf(data);
  try {
    await uploadSnapshotTable(data, previous.snapshot);
    return {
      kind: "compared",
      migration: await segmentFlows(
        data,
        { previous: PREVIOUS_TABLE, current: table.name },
        previous.snapshot,
        fingerprint,
      ),
    };
  } finally {
    try {
      await engine.dropTempTable(PREVIOUS_TABLE);
    } finally {
      await previous.release();
    }
  }
}

/** The table a run's own segments file is uploaded as, for a run read from the cache. */
const CURRENT_TABLE = "basket_current_customers";

/**
 * The "Who moved" section's state for a run read from the cache, whose
 * customers are in no engine (the earlier run is read only when the run
 * has customers, as in a build): both runs' segments files, this run's at
 * `built.segments` (null for a run without customers), are read
 * from disk as they are uploaded into an in-memory DuckDB database of its
 * own and compared there as migrationInEngine does (the same query).
 */
export async function migrationOfRun(
  built: { runId: string; segments: string | null },
  earlier: () => Promise<PreviousSegments>,
): Promise<MigrationState> {
  const { segments } = built;
  if (segments === null) return { kind: "no-customers" };
  const previous = await earlier();
  if (previous.kind !== "found") return previous;
  try {
    const current = await scanSegmentsFile(
      segments,
      SEGMENTS_FILE,
      built.runId,
    );
    const data = await createDataset({ sales: [], source: "segments files" });
    try {
      await uploadSnapshotTable(data, current, CURRENT_TABLE);
      return await migrationInEngine(
        data,
        { name: CURRENT_TABLE },
        previous,
        current.fingerprint,
      );
    } finally {
      closeDataset(data);
    }
  } finally {
    // Already done when compared; not when this run's file failed.
    await previous.release();
  }
}
