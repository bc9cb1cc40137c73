import {
  idsText,
  revenueText,
  type SegmentSnapshot,
  snapshotLetters,
  snapshotSegments,
  snapshotText,
} from "../../figures/segments/segment_snapshot.ts";
import { type Dataset, queryRows } from "../../source/dataset.ts";
import { STREAM_BATCH } from "../../source/sql_engine.ts";
import { customerBatches, type CustomerTable } from "./customer_table.ts";

/**
 * The run's `segments.json` from the customer table in the engine: the
 * same bytes formatSegmentSnapshot writes from columns in memory. The
 * customers are read once, in batches by id (see customerBatches), each
 * batch written as one piece of each of the file's three columns; what is
 * held is the file's text as it grows (about 19 bytes a customer, see
 * docs/segments.md), in a few large pieces, never a column of customers.
 */
export async function segmentSnapshotText(
  data: Dataset,
  table: CustomerTable,
  header: Pick<SegmentSnapshot, "runId" | "asOf" | "source" | "fingerprint">,
  batchRows: number = STREAM_BATCH,
): Promise<string> {
  // The names the customers are in, before the stream: no query may run
  // while it is open.
  const used = await queryRows<{ segment: string }>(
    data,
    `SELECT DISTINCT segment FROM ${table.name}`,
  );
  const names = snapshotSegments(used.map((r) => r.segment), header.runId);
  const letter = snapshotLetters(table.segments, names);
  const parts = {
    ids: [] as string[],
    segment: [] as string[],
    revenue: [] as string[],
  };
  for await (const batch of customerBatches(data, table, batchRows)) {
    parts.ids.push(idsText(batch.ids));
    const letters = new Array<string>(batch.segment.length);
    for (let i = 0; i < letters.length; i++) {
      letters[i] = letter[batch.segment[i]];
    }
    parts.segment.push(letters.join(""));
    parts.revenue.push(revenueText(batch.monetary));
  }
  return snapshotText(header, names, parts);
}
