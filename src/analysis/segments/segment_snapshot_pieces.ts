import {
  idsText,
  revenueText,
  type SegmentSnapshot,
  type SnapshotFrame,
  snapshotFrame,
  snapshotLetters,
  snapshotSegments,
} from "../../figures/segments/segment_snapshot.ts";
import { type Dataset, queryRows } from "../../source/dataset.ts";
import { STREAM_BATCH } from "../../source/sql_engine.ts";
import { customerBatches, type CustomerTable } from "./customer_table.ts";

/** A batch of customers as a piece of each of a segments file's three columns. */
export interface SnapshotPiece {
  /** The ids, comma-separated (see idsText). */
  ids: string;
  /** One letter a customer. */
  segment: string;
  /** The spends to the cent, comma-separated (see revenueText). */
  revenue: string;
}

/** A segments file as its frame and its columns' pieces, a batch at a time. */
export interface SnapshotPieces {
  frame: SnapshotFrame;
  pieces: AsyncGenerator<SnapshotPiece>;
}

/**
 * The run's `segments.json` from the customer table in the engine, as the
 * file's frame and one piece of each column per batch of customers read by
 * id (see customerBatches): joined as snapshotText joins them, the same
 * bytes formatSegmentSnapshot writes from columns in memory. Nothing is
 * held but the batch being read; writeSegmentsFile writes the pieces to
 * disk as they come.
 */
export async function segmentSnapshotPieces(
  data: Dataset,
  table: CustomerTable,
  header: Pick<SegmentSnapshot, "runId" | "asOf" | "source" | "fingerprint">,
  batchRows: number = STREAM_BATCH,
): Promise<SnapshotPieces> {
  // The names the customers are in, before the stream: no query may run
  // while it is open.
  const used = await queryRows<{ segment: string }>(
    data,
    `SELECT DISTINCT segment FROM ${table.name}`,
  );
  const names = snapshotSegments(used.map((r) => r.segment), header.runId);
  const letter = snapshotLetters(table.segments, names);
  async function* pieces(): AsyncGenerator<SnapshotPiece> {
    for await (const batch of customerBatches(data, table, batchRows)) {
      if (batch.ids.length === 0) continue;
      const letters = new Array<string>(batch.segment.length);
      for (let i = 0; i < letters.length; i++) {
        letters[i] = letter[batch.segment[i]];
      }
      yield {
        ids: idsText(batch.ids),
        segment: letters.join(""),
        revenue: revenueText(batch.monetary),
      };
    }
  }
  return { frame: snapshotFrame(header, names), pieces: pieces() };
}
