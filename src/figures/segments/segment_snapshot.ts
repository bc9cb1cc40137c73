/**
 * Every scored customer's RFM segment and net spend at one run, kept in the
 * run's folder as `segments.json` (encrypted beside the page as
 * `segments.json.enc` for a locked run) so that the next run can say who
 * moved.
 */
export interface SegmentSnapshot {
  /**
   * The run it was made by, and when (to the second, from the run id): the
   * file does not hold them, so that it is the same bytes for the same data
   * and options, as a run's other files are; its folder's name says.
   */
  runId: string;
  generatedAt: string;
  /** The day recency was counted to. */
  asOf: string | null;
  /** The data's source and fingerprint (see dataFingerprint): whether two runs read the same data. */
  source: string;
  fingerprint: string;
  /** The customers' ids, by column with their segments and spends (no object per customer). */
  ids: readonly string[];
  /** Segment names: `segment[i]` is customer i's index into them. */
  segments: readonly string[];
  segment: ArrayLike<number>;
  /** Each customer's net spend (RFM monetary) up to `asOf`. */
  revenue: ArrayLike<number>;
}

/** The schema name of a segments file. */
export const SEGMENTS_SCHEMA = "basket-segments/1";

/** The file's name in a run. */
export const SEGMENTS_FILE = "segments.json";

/**
 * Writes a snapshot compactly: the segment names once, then one letter per
 * customer for its segment (`A` = the first name), the ids and the net
 * spends (to the cent) as parallel arrays. About 20 bytes a customer. The
 * text is made a slice of customers at a time, without an object per
 * customer. The report writes the same bytes from the engine's customer
 * table to disk (see segmentSnapshotPieces, writeSegmentsFile), with the
 * pieces below.
 *
 * @example
 * ```ts
 * import { formatSegmentSnapshot } from "./segment_snapshot.ts";
 * import { parseSegmentSnapshot } from "./read_segment_snapshot.ts";
 * const snapshot = { runId: "20250101T000000Z", generatedAt: "2025-01-01T00:00:00.000Z",
 *   asOf: "2025-01-01", source: "demo", fingerprint: "f",
 *   ids: ["7"], segments: ["Lost"], segment: [0], revenue: [12.5] };
 * const text = formatSegmentSnapshot(snapshot);
 * if (!text.includes('"segment":"A"')) throw new Error(text);
 * const back = parseSegmentSnapshot(text, "x", "20250101T000000Z");
 * if (back.segments[back.segment[0]] !== "Lost") throw new Error();
 * ```
 */
export function formatSegmentSnapshot(snapshot: SegmentSnapshot): string {
  const { ids, segment, revenue } = snapshot;
  const used = new Set<string>();
  for (let i = 0; i < ids.length; i++) {
    used.add(snapshot.segments[segment[i]]);
  }
  const names = snapshotSegments(used, snapshot.runId);
  const letter = snapshotLetters(snapshot.segments, names);
  const parts = {
    ids: [] as string[],
    segment: [] as string[],
    revenue: [] as string[],
  };
  for (let start = 0; start < ids.length; start += SLICE) {
    const end = Math.min(ids.length, start + SLICE);
    parts.ids.push(idsText(ids, start, end));
    let letters = "";
    for (let i = start; i < end; i++) letters += letter[segment[i]];
    parts.segment.push(letters);
    parts.revenue.push(revenueText(revenue, start, end));
  }
  return snapshotText(snapshot, names, parts);
}

/**
 * The segment names a snapshot's file lists: those its customers are in,
 * sorted (at most 52, one letter each).
 */
export function snapshotSegments(
  used: Iterable<string>,
  runId: string,
): string[] {
  const names = [...new Set(used)].sort();
  if (names.length > 52) {
    throw new RangeError(
      `Cannot write the segments of run "${runId}": ${names.length} segments, over 52`,
    );
  }
  return names;
}

/** The letter of each of `segments` among the file's `names` ("" for one not there). */
export function snapshotLetters(
  segments: readonly string[],
  names: readonly string[],
): string[] {
  return segments.map((name) =>
    names.includes(name) ? LETTERS[names.indexOf(name)] : ""
  );
}

/** The ids `start` to `end` as the file writes them, comma-separated. */
export function idsText(
  ids: ArrayLike<string>,
  start = 0,
  end = ids.length,
): string {
  const pieces = new Array<string>(end - start);
  for (let i = start; i < end; i++) pieces[i - start] = JSON.stringify(ids[i]);
  return pieces.join(",");
}

/** The spends `start` to `end` to the cent, as the file writes them, comma-separated. */
export function revenueText(
  revenue: ArrayLike<number>,
  start = 0,
  end = revenue.length,
): string {
  const pieces = new Array<string>(end - start);
  for (let i = start; i < end; i++) {
    pieces[i - start] = JSON.stringify(Math.round(revenue[i] * 100) / 100);
  }
  return pieces.join(",");
}

/**
 * What a snapshot's file holds around its three columns: the header up to
 * the ids' opening bracket, the text between the ids and the letters,
 * between the letters and the spends, and after the spends. The file is
 * `head`, the ids' slices joined by commas, `afterIds`, the letters,
 * `afterSegment`, the spends' slices joined by commas, `tail` (see
 * snapshotText; the report writes it to disk a batch at a time, see
 * writeSegmentsFile).
 */
export interface SnapshotFrame {
  head: string;
  afterIds: string;
  afterSegment: string;
  tail: string;
}

/** The frame of a snapshot's file with this header and these segment names. */
export function snapshotFrame(
  header: Pick<SegmentSnapshot, "asOf" | "source" | "fingerprint">,
  names: readonly string[],
): SnapshotFrame {
  const head = JSON.stringify({
    schema: SEGMENTS_SCHEMA,
    asOf: header.asOf,
    source: header.source,
    fingerprint: header.fingerprint,
    segments: names,
  });
  return {
    head: `${head.slice(0, -1)},"ids":[`,
    afterIds: '],"segment":"',
    afterSegment: '","revenue":[',
    tail: "]}\n",
  };
}

/**
 * A snapshot's file from its header and its three columns' text, each a
 * list of consecutive slices (see idsText, snapshotLetters, revenueText).
 */
export function snapshotText(
  header: Pick<SegmentSnapshot, "asOf" | "source" | "fingerprint">,
  names: readonly string[],
  parts: { ids: string[]; segment: string[]; revenue: string[] },
): string {
  const frame = snapshotFrame(header, names);
  return frame.head + parts.ids.join(",") + frame.afterIds +
    parts.segment.join("") + frame.afterSegment + parts.revenue.join(",") +
    frame.tail;
}

const SLICE = 10_000;

/** The letters of the file's segments: `A` is the first name. */
export const LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
