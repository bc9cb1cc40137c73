/**
 * Every scored customer's RFM segment and net spend at one run, kept in the
 * run's folder as `segments.json` (inside the encrypted page for a locked
 * run) so that the next run can say who moved.
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
 * customer.
 *
 * @example
 * ```ts
 * import { formatSegmentSnapshot, parseSegmentSnapshot } from "./segment_snapshot.ts";
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
  const names = [...used].sort();
  if (names.length > 52) {
    throw new RangeError(
      `Cannot write the segments of run "${snapshot.runId}": ${names.length} segments, over 52`,
    );
  }
  // Each of the snapshot's segment indices as the letter of its name.
  const letterOf = snapshot.segments.map((name) =>
    used.has(name) ? LETTERS.charCodeAt(names.indexOf(name)) : 0
  );
  const head = JSON.stringify({
    schema: SEGMENTS_SCHEMA,
    asOf: snapshot.asOf,
    source: snapshot.source,
    fingerprint: snapshot.fingerprint,
    segments: names,
  });
  return `${head.slice(0, -1)},"ids":[${
    slices(ids.length, (i) => JSON.stringify(ids[i]), ",")
  }],"segment":"${
    slices(ids.length, (i) => String.fromCharCode(letterOf[segment[i]]), "")
  }","revenue":[${
    slices(
      ids.length,
      (i) => JSON.stringify(Math.round(revenue[i] * 100) / 100),
      ",",
    )
  }]}\n`;
}

/** The `n` pieces joined with `separator`, a slice of pieces at a time. */
function slices(
  n: number,
  piece: (i: number) => string,
  separator: string,
): string {
  const parts: string[] = [];
  for (let start = 0; start < n; start += SLICE) {
    const slice: string[] = [];
    for (let i = start; i < Math.min(n, start + SLICE); i++) {
      slice.push(piece(i));
    }
    parts.push(slice.join(separator));
  }
  return parts.join(separator);
}

const SLICE = 10_000;

/**
 * Reads what {@linkcode formatSegmentSnapshot} wrote, as the snapshot of
 * run `runId`, by column; a `SyntaxError` that names `where` (the file)
 * for anything else.
 */
export function parseSegmentSnapshot(
  text: string,
  where: string,
  runId: string,
): SegmentSnapshot {
  const fail = (detail: string) =>
    new SyntaxError(`Cannot read the segments in "${where}": ${detail}`);
  let raw: Record<string, unknown>;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw fail((error as Error).message);
  }
  if (raw?.schema !== SEGMENTS_SCHEMA) {
    throw fail(
      `its schema is ${JSON.stringify(raw?.schema)}, not "${SEGMENTS_SCHEMA}"`,
    );
  }
  const { segments, ids, segment, revenue } = raw as {
    segments: unknown;
    ids: unknown;
    segment: unknown;
    revenue: unknown;
  };
  if (
    !Array.isArray(segments) || !Array.isArray(ids) ||
    typeof segment !== "string" || !Array.isArray(revenue) ||
    ids.length !== segment.length || ids.length !== revenue.length
  ) {
    throw fail("its ids, segments and revenues do not line up");
  }
  const codes = new Uint16Array(ids.length);
  const spends = new Float64Array(ids.length);
  for (let i = 0; i < ids.length; i++) {
    const code = number(segment[i]);
    const id = ids[i];
    if (
      typeof id !== "string" || typeof segments[code] !== "string" ||
      typeof revenue[i] !== "number"
    ) {
      throw fail(`customer ${i + 1} (${JSON.stringify(id)}) is not readable`);
    }
    codes[i] = code;
    spends[i] = revenue[i];
  }
  return {
    runId,
    generatedAt: runIdTime(runId),
    asOf: typeof raw.asOf === "string" ? raw.asOf : null,
    source: String(raw.source),
    fingerprint: String(raw.fingerprint),
    ids: ids as string[],
    segments: segments as string[],
    segment: codes,
    revenue: spends,
  };
}

/**
 * The time a run id names, ISO to the second: `20261121T214500Z` →
 * `2026-11-21T21:45:00Z`.
 */
export function runIdTime(runId: string): string {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z/.exec(runId);
  return m ? `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}Z` : runId;
}

const LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

function number(c: string): number {
  return LETTERS.indexOf(c);
}
