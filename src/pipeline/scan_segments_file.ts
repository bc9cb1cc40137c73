import {
  checkedSegments,
  customerRow,
  type Fail,
  jsonString,
  NOT_LINED_UP,
  notJson,
  segmentName,
  type SegmentRow,
  type SegmentSnapshotHeader,
  SNAPSHOT_COLUMNS,
  snapshotFailure,
  snapshotHeader,
} from "../figures/segments/read_segment_snapshot.ts";
import {
  ArrayCursor,
  Bytes,
  charsBefore,
  FileCursor,
  skipValue,
  space,
  StringUnits,
  SyntaxAt,
} from "./json_file_cursor.ts";

/** A segments file on disk, checked, with its customers read as they are asked for. */
export interface SegmentsFile extends SegmentSnapshotHeader {
  /** The file. */
  readonly path: string;
  /**
   * Each customer as `[id, segment name, net spend]`, in the file's order,
   * read from its three columns by three cursors of their own.
   */
  rows(): AsyncGenerator<SegmentRow>;
}

/** How many bytes each cursor reads at a time unless told. */
export const SCAN_BUFFER = 1 << 20;

/**
 * Reads the segments file at `path` as the snapshot of run `runId` a
 * buffer at a time, never whole: it is checked throughout in a few
 * passes, with exactly the errors scanSegmentSnapshot gives for the file's
 * text (as Deno.readTextFile reads it; "at character" counts its UTF-16
 * code units), and then gives its customers as rows, each made from the
 * file as asked for. What is held: the header's members (a few hundred
 * bytes in a file Basket writes), one customer's values, and a buffer of
 * `bufferSize` bytes for each of at most three cursors.
 *
 * @example
 * ```ts
 * import { scanSegmentsFile } from "./scan_segments_file.ts";
 * const path = await Deno.makeTempFile();
 * await Deno.writeTextFile(path, '{"schema":"basket-segments/1","asOf":null,"source":"s",' +
 *   '"fingerprint":"f","segments":["At Risk","Lost"],"ids":["a","é"],"segment":"BA","revenue":[1.5,-2]}');
 * const file = await scanSegmentsFile(path, "segments.json", "20260102T030405Z");
 * const rows = await Array.fromAsync(file.rows());
 * await Deno.remove(path);
 * if (file.count !== 2 || rows[1].join() !== "é,At Risk,-2") throw new Error(rows.join(";"));
 * ```
 */
export function scanSegmentsFile(
  path: string,
  where: string,
  runId: string,
  bufferSize: number = SCAN_BUFFER,
): Promise<SegmentsFile> {
  const fail = snapshotFailure(where);
  return new Promise((resolve) => {
    try {
      resolve(scan(path, runId, bufferSize, fail));
    } catch (error) {
      if (!(error instanceof SyntaxAt)) throw error;
      throw fail(notJson(charsBefore(path, error.byte, bufferSize)));
    }
  });
}

function scan(
  path: string,
  runId: string,
  bufferSize: number,
  fail: Fail,
): SegmentsFile {
  const open = (at: number) => new FileCursor(path, at, bufferSize);
  const { fields, columns } = using(open(0), topLevel);
  const segments = checkedSegments(
    fields,
    columns.ids.first === 0x5b && columns.segment.first === 0x22 &&
      columns.revenue.first === 0x5b,
    fail,
  );
  const letters = using(open(columns.segment.at), (c) => {
    const units = new StringUnits(c);
    let n = 0;
    while (units.next() >= 0) n++;
    return n;
  });
  const elements = (at: number) =>
    using(open(at), (c) => {
      const array = new ArrayCursor(c);
      let n = 0;
      while (array.next()) n++;
      return n;
    });
  const count = elements(columns.ids.at);
  const spends = elements(columns.revenue.at);
  if (count !== letters || count !== spends) throw fail(NOT_LINED_UP);
  const read = () =>
    customers(path, bufferSize, columns, count, segments, fail);

  async function* rows(): AsyncGenerator<SegmentRow> {
    try {
      // Not yield*, which awaits each row a second time.
      for (const row of read()) yield row;
    } catch (error) {
      // Only a file changed since it was checked.
      if (!(error instanceof SyntaxAt)) throw error;
      throw fail(notJson(charsBefore(path, error.byte, bufferSize)));
    }
  }
  // Every customer is checked now, so that the rows cannot fail later.
  for (const _ of read()) {
    // Nothing kept.
  }
  return {
    ...snapshotHeader(fields, segments, runId),
    count,
    path,
    rows,
  };
}

/** The customers, read by a cursor on each of the three columns. */
function* customers(
  path: string,
  bufferSize: number,
  columns: Record<"ids" | "segment" | "revenue", { at: number }>,
  count: number,
  segments: unknown[],
  fail: Fail,
): Generator<SegmentRow> {
  const opened: FileCursor[] = [];
  const open = (at: number) => {
    const cursor = new FileCursor(path, at, bufferSize);
    opened.push(cursor);
    return cursor;
  };
  try {
    const ids = new ArrayCursor(open(columns.ids.at));
    const letters = new StringUnits(open(columns.segment.at));
    const spends = new ArrayCursor(open(columns.revenue.at));
    const id = new Bytes();
    const spend = new Bytes();
    for (let i = 0; i < count; i++) {
      // A column shorter than the check counted: a file changed since.
      if (!ids.next(id)) throw fail(NOT_LINED_UP);
      const from = ids.start;
      const letter = letters.next();
      if (letter < 0 || !spends.next(spend)) throw fail(NOT_LINED_UP);
      yield customerRow(
        i,
        id.text(),
        segmentName(segments, letter),
        spend.text(),
        () => {
          throw new SyntaxAt(from);
        },
        fail,
      );
    }
  } finally {
    for (const cursor of opened) cursor.close();
  }
}

/**
 * The top-level object's members: the header's parsed, the three columns
 * only found (where their values start, and their first byte).
 */
function topLevel(c: FileCursor) {
  const fields: Record<string, unknown> = {};
  const columns = {
    ids: { at: -1, first: -1 },
    segment: { at: -1, first: -1 },
    revenue: { at: -1, first: -1 },
  };
  const key = new Bytes();
  const value = new Bytes();
  space(c);
  if (c.peek() !== 0x7b) throw new SyntaxAt(c.offset);
  c.at++;
  space(c);
  if (c.peek() === 0x7d) c.at++;
  else {
    for (;;) {
      if (c.peek() !== 0x22) throw new SyntaxAt(c.offset);
      const keyAt = c.offset;
      key.clear();
      skipValue(c, key);
      let name: string;
      try {
        name = jsonString(key.text());
      } catch {
        throw new SyntaxAt(keyAt);
      }
      space(c);
      if (c.peek() !== 0x3a) throw new SyntaxAt(c.offset);
      c.at++;
      space(c);
      const start = c.offset;
      if ((SNAPSHOT_COLUMNS as readonly string[]).includes(name)) {
        columns[name as typeof SNAPSHOT_COLUMNS[number]] = {
          at: start,
          first: c.peek(),
        };
        skipValue(c);
      } else {
        value.clear();
        skipValue(c, value);
        try {
          fields[name] = JSON.parse(value.text());
        } catch {
          throw new SyntaxAt(start);
        }
      }
      space(c);
      const b = c.peek();
      if (b === 0x2c) {
        c.at++;
        space(c);
      } else if (b === 0x7d) {
        c.at++;
        break;
      } else throw new SyntaxAt(c.offset);
    }
  }
  space(c);
  if (c.peek() !== -1) throw new SyntaxAt(c.offset);
  return { fields, columns };
}

/** `f` of a cursor, closed after. */
function using<T>(cursor: FileCursor, f: (cursor: FileCursor) => T): T {
  try {
    return f(cursor);
  } finally {
    cursor.close();
  }
}
