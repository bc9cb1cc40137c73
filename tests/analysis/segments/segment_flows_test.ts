import { assertEquals } from "../../assert.ts";
import { uploadCustomerTable } from "../../../src/analysis/segments/customer_table.ts";
import {
  PREVIOUS_TABLE,
  segmentFlows,
  uploadSnapshotTable,
} from "../../../src/analysis/segments/segment_flows.ts";
import { segmentsFileText } from "./segments_file_text.ts";
import { segmentMigration } from "../../../src/figures/segments/segment_migration.ts";
import {
  parseSegmentSnapshot,
  scanSegmentSnapshot,
} from "../../../src/figures/segments/read_segment_snapshot.ts";
import { formatSegmentSnapshot } from "../../../src/figures/segments/segment_snapshot.ts";
import {
  closeDataset,
  createDataset,
  queryRows,
} from "../../../src/source/dataset.ts";
import {
  migrationInEngine,
  migrationOfRun,
} from "../../../src/pipeline/migration_state.ts";
import { EARLIER, groupsOf, LATER, snapshotOf } from "./who_moved_fixture.ts";

const HEADER = {
  runId: "20260102T000000Z",
  asOf: "2026-01-01",
  source: "fixture",
  fingerprint: "f2",
};

/** The comparison in memory, from the two runs' files as the report wrote them. */
function expected() {
  const file = (runId: string, fingerprint: string, c: typeof EARLIER) =>
    parseSegmentSnapshot(
      formatSegmentSnapshot(snapshotOf(runId, fingerprint, c)),
      "segments.json",
      runId,
    );
  return segmentMigration(
    file("20260101T000000Z", "f1", EARLIER),
    file("20260102T000000Z", "f2", LATER),
  );
}

Deno.test("writeSegmentsFile() writes the customer table's pieces (segmentSnapshotPieces) as formatSegmentSnapshot writes the same customers, in batches of any size", async () => {
  const data = await createDataset({ sales: [] });
  try {
    const table = await uploadCustomerTable(data, groupsOf(LATER));
    const text = formatSegmentSnapshot(snapshotOf(HEADER.runId, "f2", LATER));
    assertEquals(await segmentsFileText(data, table, HEADER), text);
    assertEquals(await segmentsFileText(data, table, HEADER, 2), text);
    assertEquals(await segmentsFileText(data, table, HEADER, 1), text);
  } finally {
    closeDataset(data);
  }
});

Deno.test("segmentFlows() in DuckDB gives the flows, counts and order segmentMigration gives from the two files", async () => {
  const data = await createDataset({ sales: [] });
  try {
    const table = await uploadCustomerTable(data, groupsOf(LATER));
    const previous = scanSegmentSnapshot(
      formatSegmentSnapshot(snapshotOf("20260101T000000Z", "f1", EARLIER)),
      "segments.json",
      "20260101T000000Z",
    );
    await uploadSnapshotTable(data, previous);
    const migration = await segmentFlows(
      data,
      { previous: PREVIOUS_TABLE, current: table.name },
      previous,
      "f2",
    );
    assertEquals(migration, expected());
    assertEquals(migration.counts, {
      common: 4,
      moved: 3,
      stayed: 1,
      new: 2,
      gone: 2,
    });
    // 0.1 + 0.2 to the cent, and the half cents rounded as the file does.
    assertEquals(
      migration.flows.map((f) => `${f.from}>${f.to}:${f.revenue}`),
      [
        "(new)>Promising:2.56",
        "Champions>Loyal Customers:1000.13",
        "Loyal Customers>Loyal Customers:60.7",
        "Loyal Customers>At Risk:0.3",
        "Lost>(gone):39.01",
      ],
    );
  } finally {
    closeDataset(data);
  }
});

Deno.test("who moved is compared in the build's engine and its earlier table dropped, or for a cached run from both files in an engine of its own", async () => {
  const data = await createDataset({ sales: [] });
  const earlier = formatSegmentSnapshot(
    snapshotOf("20260101T000000Z", "f1", EARLIER),
  );
  const found = () => ({
    kind: "found" as const,
    snapshot: scanSegmentSnapshot(earlier, "x", "20260101T000000Z"),
  });
  try {
    const table = await uploadCustomerTable(data, groupsOf(LATER));
    assertEquals(
      await migrationInEngine(data, table, found(), "f2"),
      { kind: "compared", migration: expected() },
    );
    assertEquals(
      await queryRows(
        data,
        "SELECT table_name FROM duckdb_tables() WHERE temporary",
      ),
      [{ table_name: table.name }],
    );
    assertEquals(
      await migrationInEngine(data, table, { kind: "first" }, "f2"),
      { kind: "first" },
    );
  } finally {
    closeDataset(data);
  }
  const dir = await Deno.makeTempDir({ prefix: "basket-flows-test-" });
  try {
    const segments = `${dir}/segments.json`;
    await Deno.writeTextFile(
      segments,
      formatSegmentSnapshot(snapshotOf(HEADER.runId, "f2", LATER)),
    );
    assertEquals(
      await migrationOfRun(
        { runId: HEADER.runId, segments },
        () => Promise.resolve(found()),
      ),
      { kind: "compared", migration: expected() },
    );
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
  assertEquals(
    await migrationOfRun(
      { runId: HEADER.runId, segments: null },
      () => Promise.reject(new Error("not to be read")),
    ),
    { kind: "no-customers" },
  );
});
