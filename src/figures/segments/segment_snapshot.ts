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
  /** Customer ids, each with its segment and net spend (RFM monetary) up to `asOf`. */
  customers: { id: string; segment: string; revenue: number }[];
}

/** The schema name of a segments file. */
export const SEGMENTS_SCHEMA = "basket-segments/1";

/** The file's name in a run. */
export const SEGMENTS_FILE = "segments.json";

/**
 * Writes a snapshot compactly: the segment names once, then one letter per
 * customer for its segment (`A` = the first name), the ids and the net
 * spends (to the cent) as parallel arrays. About 20 bytes a customer.
 *
 * @example
 * ```ts
 * import { formatSegmentSnapshot, parseSegmentSnapshot } from "./segment_snapshot.ts";
 * const snapshot = { runId: "20250101T000000Z", generatedAt: "2025-01-01T00:00:00.000Z",
 *   asOf: "2025-01-01", source: "demo", fingerprint: "f",
 *   customers: [{ id: "7", segment: "Lost", revenue: 12.5 }] };
 * const text = formatSegmentSnapshot(snapshot);
 * if (!text.includes('"segment":"A"')) throw new Error(text);
 * if (parseSegmentSnapshot(text, "x", "20250101T000000Z").customers[0].segment !== "Lost") throw new Error();
 * ```
 */
export function formatSegmentSnapshot(snapshot: SegmentSnapshot): string {
  const names = [...new Set(snapshot.customers.map((c) => c.segment))].sort();
  if (names.length > 52) {
    throw new RangeError(
      `Cannot write the segments of run "${snapshot.runId}": ${names.length} segments, over 52`,
    );
  }
  const index = new Map(names.map((n, i) => [n, i]));
  return JSON.stringify({
    schema: SEGMENTS_SCHEMA,
    asOf: snapshot.asOf,
    source: snapshot.source,
    fingerprint: snapshot.fingerprint,
    segments: names,
    ids: snapshot.customers.map((c) => c.id),
    segment: snapshot.customers.map((c) => letter(index.get(c.segment)!))
      .join(""),
    revenue: snapshot.customers.map((c) => Math.round(c.revenue * 100) / 100),
  }) + "\n";
}

/**
 * Reads what {@linkcode formatSegmentSnapshot} wrote, as the snapshot of
 * run `runId`; a `SyntaxError` that names `where` (the file) for anything
 * else.
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
  const customers = ids.map((id, i) => {
    const name = segments[number(segment[i])];
    if (
      typeof id !== "string" || typeof name !== "string" ||
      typeof revenue[i] !== "number"
    ) {
      throw fail(`customer ${i + 1} (${JSON.stringify(id)}) is not readable`);
    }
    return { id, segment: name, revenue: revenue[i] as number };
  });
  return {
    runId,
    generatedAt: runIdTime(runId),
    asOf: typeof raw.asOf === "string" ? raw.asOf : null,
    source: String(raw.source),
    fingerprint: String(raw.fingerprint),
    customers,
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

function letter(i: number): string {
  return LETTERS[i];
}

function number(c: string): number {
  return LETTERS.indexOf(c);
}
