/**
 * "Who moved" in a PostgreSQL warehouse: segments.json written from the
 * customer table there, and the comparison with the earlier run's
 * customers uploaded beside it, the same as in DuckDB and as in memory.
 * The server's database sorts text by language (ICU en-US), so that the
 * ids' byte order and the join are tested too. One server for the file.
 */
import { uploadCustomerTable } from "../../../src/analysis/segments/customer_table.ts";
import { segmentsFileText } from "../../analysis/segments/segments_file_text.ts";
import { parseSegmentSnapshot } from "../../../src/figures/segments/read_segment_snapshot.ts";
import { scanSegmentsFile } from "../../../src/pipeline/scan_segments_file.ts";
import { segmentMigration } from "../../../src/figures/segments/segment_migration.ts";
import { formatSegmentSnapshot } from "../../../src/figures/segments/segment_snapshot.ts";
import { migrationInEngine } from "../../../src/pipeline/migration_state.ts";
import {
  closeDataset,
  createDataset,
  type Dataset,
  queryRows,
} from "../../../src/source/dataset.ts";
import { openWarehouse } from "../../../src/source/warehouse/open_warehouse.ts";
import { assertEquals, assertRejects } from "../../assert.ts";
import {
  EARLIER,
  groupsOf,
  LATER,
  snapshotOf,
} from "../../analysis/segments/who_moved_fixture.ts";
import { startPostgres } from "./pg_server.ts";

const EARLIER_RUN = "20260101T000000Z";
const RUN = "20260102T000000Z";

Deno.test({
  name:
    "who moved in PostgreSQL: the segments file and the comparison are those of DuckDB and of the files in memory",
  sanitizeResources: false,
  sanitizeOps: false,
  fn: async () => {
    const server = await startPostgres({ icu: "en-US" });
    let duck: Dataset | null = null;
    let warehouse: Dataset | null = null;
    try {
      await server.sql(
        "CREATE TABLE lines (date date, store text, category text, amount double precision, transaction_id text)",
      );
      await server.sql(
        "INSERT INTO lines VALUES ('2025-12-01', 'S1', 'Books', 1, 'T1')",
      );
      warehouse = (await openWarehouse({ url: server.url, table: "lines" }))
        .dataset;
      duck = await createDataset({ sales: [] });
      const earlierText = formatSegmentSnapshot(
        snapshotOf(EARLIER_RUN, "f1", EARLIER),
      );
      const text = formatSegmentSnapshot(snapshotOf(RUN, "f2", LATER));
      const expected = segmentMigration(
        parseSegmentSnapshot(earlierText, "x", EARLIER_RUN),
        parseSegmentSnapshot(text, "y", RUN),
      );
      for (const data of [warehouse, duck]) {
        const table = await uploadCustomerTable(data, groupsOf(LATER));
        const header = {
          runId: RUN,
          asOf: "2026-01-01",
          source: "fixture",
          fingerprint: "f2",
        };
        assertEquals(await segmentsFileText(data, table, header, 2), text);
        const earlierFile = await Deno.makeTempFile({ suffix: ".json" });
        await Deno.writeTextFile(earlierFile, earlierText);
        const state = await migrationInEngine(data, table, {
          kind: "found",
          snapshot: await scanSegmentsFile(earlierFile, "x", EARLIER_RUN),
          release: () => Deno.remove(earlierFile),
        }, "f2");
        assertEquals(state, { kind: "compared", migration: expected });
        await assertRejects(() => Deno.stat(earlierFile), Deno.errors.NotFound);
      }
      // The earlier run's table is gone once compared.
      assertEquals(
        await queryRows(
          warehouse,
          "SELECT count(*) AS n FROM pg_tables WHERE tablename = 'basket_previous_customers'",
        ),
        [{ n: 0 }],
      );
    } finally {
      if (warehouse) closeDataset(warehouse);
      if (duck) closeDataset(duck);
      await server.stop();
    }
  },
});
