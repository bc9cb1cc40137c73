import { assertEquals, assertOk, assertRejects } from "../../assert.ts";
import { uploadCustomerTable } from "../../../src/analysis/segments/customer_table.ts";
import {
  PREVIOUS_TABLE,
  segmentFlows,
  uploadSnapshotTable,
} from "../../../src/analysis/segments/segment_flows.ts";
import { segmentsFileText } from "./segments_file_text.ts";
import { segmentMigration } from "../../../src/figures/segments/segment_migration.ts";
import { parseSegmentSnapshot } from "../../../src/figures/segments/read_segment_snapshot.ts";
import { scanSegmentsFile } from "../../../src/pipeline/scan_segments_file.ts";
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

/** A run's segments file on disk, as formatSegmentSnapshot writes it. */
async function fileOf(
  runId: string,
  fingerprint: string,
  customers: typeof EARLIER,
): Promise<string> {
  const path = await Deno.makeTempFile({ suffix: ".json" });
  await Deno.writeTextFile(
    path,
    formatSegmentSnapshot(snapshotOf(runId, fingerprint, customers)),
  );
  return path;
}

Deno.test("segmentFlows() in DuckDB gives the flows, counts and order segmentMigration gives from the two files", async () => {
  const data = await createDataset({ sales: [] });
  const path = await fileOf("20260101T000000Z", "f1", EARLIER);
  try {
    const table = await uploadCustomerTable(data, groupsOf(LATER));
    const previous = await scanSegmentsFile(
      path,
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
    await Deno.remove(path);
  }
});

Deno.test("who moved is compared in the build's engine, its earlier table dropped and its file released, or for a cached run from both files in an engine of its own", async () => {
  const data = await createDataset({ sales: [] });
  const earlier = await fileOf("20260101T000000Z", "f1", EARLIER);
  const current = await fileOf(HEADER.runId, "f2", LATER);
  let released = 0;
  const found = async () => ({
    kind: "found" as const,
    snapshot: await scanSegmentsFile(earlier, "x", "20260101T000000Z"),
    release: () => {
      released++;
      return Promise.resolve();
    },
  });
  try {
    const table = await uploadCustomerTable(data, groupsOf(LATER));
    assertEquals(
      await migrationInEngine(data, table, await found(), "f2"),
      { kind: "compared", migration: expected() },
    );
    assertEquals(released, 1);
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
    assertEquals(
      await migrationOfRun({ runId: HEADER.runId, segments: current }, found),
      { kind: "compared", migration: expected() },
    );
    assertOk(released >= 2, "the earlier file is released");
    assertEquals(
      await migrationOfRun(
        { runId: HEADER.runId, segments: null },
        () => Promise.reject(new Error("not to be read")),
      ),
      { kind: "no-customers" },
    );
    // This run's file unreadable: the earlier one is released all the same.
    released = 0;
    await Deno.writeTextFile(current, "{}");
    await assertRejects(
      () => migrationOfRun({ runId: HEADER.runId, segments: current }, found),
      SyntaxError,
      'Cannot read the segments in "segments.json"',
    );
    assertEquals(released, 1);
  } finally {
    closeDataset(data);
    await Deno.remove(earlier);
    await Deno.remove(current);
  }
});
