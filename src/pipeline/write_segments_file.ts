import { fileChunks, writeAll } from "./file_bytes.ts";
import type { SnapshotPieces } from "../analysis/segments/segment_snapshot_pieces.ts";

/**
 * Writes a segments file to `path` from its frame and its pieces as they
 * come (see segmentSnapshotPieces): the ids go straight into the file, the
 * letters and the spends into two files beside it, appended after the ids
 * once the last batch is read and then removed. What is held is one batch's
 * text, whatever the number of customers. Returns the file's size in bytes.
 */
export async function writeSegmentsFile(
  path: string,
  { frame, pieces }: SnapshotPieces,
): Promise<number> {
  const columns = [`${path}.segment.part`, `${path}.revenue.part`];
  const main = await Deno.open(path, {
    write: true,
    create: true,
    truncate: true,
  });
  const parts: Deno.FsFile[] = [];
  try {
    for (const column of columns) {
      parts.push(
        await Deno.open(column, { write: true, create: true, truncate: true }),
      );
    }
    const encoder = new TextEncoder();
    const write = (file: Deno.FsFile, text: string) =>
      writeAll(file, encoder.encode(text));
    await write(main, frame.head);
    let first = true;
    for await (const piece of pieces) {
      const comma = first ? "" : ",";
      first = false;
      await write(main, comma + piece.ids);
      await write(parts[0], piece.segment);
      await write(parts[1], comma + piece.revenue);
    }
    await write(main, frame.afterIds);
    await append(main, columns[0]);
    await write(main, frame.afterSegment);
    await append(main, columns[1]);
    await write(main, frame.tail);
    return (await main.stat()).size;
  } finally {
    main.close();
    for (const part of parts) part.close();
    for (const column of columns) await Deno.remove(column).catch(() => {});
  }
}

/** Copies the file at `path` to the end of `into`, a megabyte at a time. */
async function append(into: Deno.FsFile, path: string): Promise<void> {
  for await (const chunk of fileChunks(path)) await writeAll(into, chunk);
}
