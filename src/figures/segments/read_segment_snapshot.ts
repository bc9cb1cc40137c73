import {
  LETTERS,
  SEGMENTS_SCHEMA,
  type SegmentSnapshot,
} from "./segment_snapshot.ts";

/** A customer of a segments file: `[id, segment name, net spend]`. */
export type SegmentRow = [id: string, segment: string, spend: number];

/** A segments file's header, and how many customers it holds. */
export interface SegmentSnapshotHeader
  extends Omit<SegmentSnapshot, "ids" | "segment" | "revenue"> {
  /** How many customers the file holds. */
  readonly count: number;
}

/**
 * A segments file read in place: its header, and its customers as rows
 * made one at a time from the text (see
 * {@linkcode scanSegmentSnapshot}), with no array of customers.
 */
export interface SegmentSnapshotRows extends SegmentSnapshotHeader {
  /** Each customer as `[id, segment name, net spend]`, in the file's order. */
  rows(): Generator<SegmentRow>;
}

/**
 * Reads what formatSegmentSnapshot wrote, as the snapshot of run `runId`,
 * without parsing it whole: the file is checked throughout (its syntax,
 * schema, that its three columns line up and that every customer is
 * readable) and then gives its customers as rows, each made from the text
 * when asked for. Only the text and the segment names are held, never an
 * array with an entry per customer. Anything else is a `SyntaxError` that
 * names `where` (the file).
 *
 * @example
 * ```ts
 * import { scanSegmentSnapshot } from "./read_segment_snapshot.ts";
 * const text = '{"schema":"basket-segments/1","asOf":null,"source":"s","fingerprint":"f",' +
 *   '"segments":["At Risk","Lost"],"ids":["a","b"],"segment":"BA","revenue":[1.5,-2]}';
 * const snapshot = scanSegmentSnapshot(text, "segments.json", "20260102T030405Z");
 * const rows = [...snapshot.rows()];
 * if (snapshot.count !== 2 || rows[0].join() !== "a,Lost,1.5") throw new Error(rows.join(";"));
 * ```
 */
export function scanSegmentSnapshot(
  text: string,
  where: string,
  runId: string,
): SegmentSnapshotRows {
  const fail = snapshotFailure(where);
  const syntax = (at: number) => fail(notJson(at));
  const { fields, columns } = topLevel(text, fail);
  const { ids, segment, revenue } = columns;
  const segments = checkedSegments(
    fields,
    text[ids] === "[" && text[segment] === '"' && text[revenue] === "[",
    fail,
  );
  const letters = lettersOf(text, segment, fail);
  let count = 0;
  for (const _ of elements(text, ids, fail)) count++;
  let spends = 0;
  for (const _ of elements(text, revenue, fail)) spends++;
  if (count !== letters.length || count !== spends) {
    throw fail(NOT_LINED_UP);
  }
  function* rows(): Generator<SegmentRow> {
    const idAt = elements(text, ids, fail);
    const spendAt = elements(text, revenue, fail);
    for (let i = 0; i < count; i++) {
      const [from, to] = idAt.next().value as [number, number];
      const [spendFrom, spendTo] = spendAt.next().value as [number, number];
      yield customerRow(
        i,
        text.slice(from, to),
        segmentName(segments, letters.charCodeAt(i)),
        text.slice(spendFrom, spendTo),
        () => syntax(from),
        fail,
      );
    }
  }
  // Every customer is checked now, so that the rows cannot fail later.
  for (const _ of rows()) {
    // Nothing kept.
  }
  return { ...snapshotHeader(fields, segments, runId), count, rows };
}

/**
 * Reads what formatSegmentSnapshot wrote, as the snapshot of run `runId`,
 * by column (see {@linkcode scanSegmentSnapshot}, which it checks the file
 * with); a `SyntaxError` that names `where` (the file) for anything else.
 */
export function parseSegmentSnapshot(
  text: string,
  where: string,
  runId: string,
): SegmentSnapshot {
  const { count, rows, ...header } = scanSegmentSnapshot(text, where, runId);
  const ids = new Array<string>(count);
  const segment = new Uint16Array(count);
  const revenue = new Float64Array(count);
  const code = new Map(header.segments.map((name, i) => [name, i]));
  let i = 0;
  for (const [id, name, spend] of rows()) {
    ids[i] = id;
    segment[i] = code.get(name)!;
    revenue[i++] = spend;
  }
  return { ...header, ids, segment, revenue };
}

/**
 * The time a run id names, ISO to the second: `20261121T214500Z` →
 * `2026-11-21T21:45:00Z`.
 */
export function runIdTime(runId: string): string {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z/.exec(runId);
  return m ? `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}Z` : runId;
}

/** A JSON number, whole. */
const NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

/**
 * The three columns, left in the text (or the file): where each value
 * starts. Every other member of the file is its header, parsed.
 */
export const SNAPSHOT_COLUMNS = ["ids", "segment", "revenue"] as const;

/** A reader's error, from what is wrong with the file. */
export type Fail = (detail: string) => SyntaxError;

/** The errors of a reader of the segments in `where` (the file). */
export function snapshotFailure(where: string): Fail {
  return (detail) =>
    new SyntaxError(`Cannot read the segments in "${where}": ${detail}`);
}

/** What is wrong with a file that breaks JSON at character index `at`. */
export function notJson(at: number): string {
  return `it is not JSON (at character ${at + 1})`;
}

/** What is wrong with a file whose columns differ in length or kind. */
export const NOT_LINED_UP = "its ids, segments and revenues do not line up";

/**
 * The segment names of a file whose header is `fields`, once its schema is
 * checked and that its columns are an array, a string and an array
 * (`columnsOk`); the errors in the order every reader checks them.
 */
export function checkedSegments(
  fields: Record<string, unknown>,
  columnsOk: boolean,
  fail: Fail,
): unknown[] {
  if (fields.schema !== SEGMENTS_SCHEMA) {
    throw fail(
      `its schema is ${
        JSON.stringify(fields.schema)
      }, not "${SEGMENTS_SCHEMA}"`,
    );
  }
  const segments = fields.segments;
  if (!Array.isArray(segments) || !columnsOk) throw fail(NOT_LINED_UP);
  return segments;
}

/** The segment a letter (a UTF-16 code unit of the segment column) names, if any. */
export function segmentName(segments: readonly unknown[], letter: number) {
  return segments[LETTERS.indexOf(String.fromCharCode(letter))];
}

/**
 * Customer `i` (from 0) of a file as a row, from the text of its id, its
 * segment's name and the text of its spend; an error naming the customer
 * when one of them is not what the file writes (`badId` for an id string
 * that is not JSON).
 */
export function customerRow(
  i: number,
  idText: string,
  name: unknown,
  spendText: string,
  badId: () => SyntaxError,
  fail: Fail,
): SegmentRow {
  let id: string | null = null;
  if (idText[0] === '"') {
    try {
      id = jsonString(idText);
    } catch {
      throw badId();
    }
  }
  if (id === null || typeof name !== "string" || !NUMBER.test(spendText)) {
    throw fail(
      `customer ${i + 1} (${
        id === null ? idText : JSON.stringify(id)
      }) is not readable`,
    );
  }
  return [id, name, Number(spendText)];
}

/** The header of a file whose other members are `fields`, as the snapshot of run `runId`. */
export function snapshotHeader(
  fields: Record<string, unknown>,
  segments: unknown[],
  runId: string,
): Omit<SegmentSnapshotHeader, "count"> {
  return {
    runId,
    generatedAt: runIdTime(runId),
    asOf: typeof fields.asOf === "string" ? fields.asOf : null,
    source: String(fields.source),
    fingerprint: String(fields.fingerprint),
    segments: segments as string[],
  };
}

/**
 * A JSON string's value, from its text with its quotes (which holds no
 * control character): escapes read as JSON reads them, a `SyntaxError`
 * for one JSON does not know.
 */
export function jsonString(quoted: string): string {
  const inside = quoted.slice(1, -1);
  return inside.includes("\\") ? JSON.parse(quoted) : inside;
}

/**
 * The top-level object's members: the small ones parsed, the three columns
 * only found (where their values start).
 */
function topLevel(text: string, fail: Fail) {
  const fields: Record<string, unknown> = {};
  const columns = { ids: -1, segment: -1, revenue: -1 };
  const syntax = (at: number) => fail(notJson(at));
  let i = space(text, 0);
  if (text[i] !== "{") throw syntax(i);
  i = space(text, i + 1);
  if (text[i] === "}") i++;
  else {
    for (;;) {
      if (text[i] !== '"') throw syntax(i);
      const keyEnd = valueEnd(text, i, syntax);
      const key = stringAt(text, i, keyEnd, syntax);
      i = space(text, keyEnd);
      if (text[i] !== ":") throw syntax(i);
      const start = space(text, i + 1);
      const end = valueEnd(text, start, syntax);
      if ((SNAPSHOT_COLUMNS as readonly string[]).includes(key)) {
        columns[key as typeof SNAPSHOT_COLUMNS[number]] = start;
      } else {
        try {
          fields[key] = JSON.parse(text.slice(start, end));
        } catch {
          throw syntax(start);
        }
      }
      i = space(text, end);
      if (text[i] === ",") i = space(text, i + 1);
      else if (text[i] === "}") {
        i++;
        break;
      } else throw syntax(i);
    }
  }
  if (space(text, i) !== text.length) throw syntax(space(text, i));
  return { fields, columns };
}

/** The letters of the segment column, whose string starts at `start`. */
function lettersOf(text: string, start: number, fail: Fail): string {
  const syntax = (at: number) => fail(notJson(at));
  // Escapes are read as JSON reads them (a file of letters has none).
  return stringAt(text, start, valueEnd(text, start, syntax), syntax);
}

/** Where each element of the array that starts at `start` starts and ends. */
function* elements(
  text: string,
  start: number,
  fail: Fail,
): Generator<[number, number]> {
  const syntax = (at: number) => fail(notJson(at));
  let i = space(text, start + 1);
  if (text[i] === "]") return;
  for (;;) {
    const end = valueEnd(text, i, syntax);
    yield [i, end];
    i = space(text, end);
    if (text[i] === ",") i = space(text, i + 1);
    else if (text[i] === "]") return;
    else throw syntax(i);
  }
}

/** The string whose quotes are at `from` and `to - 1`. */
function stringAt(
  text: string,
  from: number,
  to: number,
  syntax: (at: number) => SyntaxError,
): string {
  try {
    return jsonString(text.slice(from, to));
  } catch {
    throw syntax(from);
  }
}

/** The index just past the JSON value that starts at `i`. */
function valueEnd(
  text: string,
  i: number,
  syntax: (at: number) => SyntaxError,
): number {
  const c = text[i];
  if (c === '"') {
    for (let j = i + 1; j < text.length; j++) {
      const code = text.charCodeAt(j);
      if (code === 34) return j + 1;
      if (code === 92) j++;
      else if (code < 0x20) throw syntax(j);
    }
    throw syntax(text.length);
  }
  if (c === "[" || c === "{") {
    let depth = 0;
    for (let j = i; j < text.length; j++) {
      const d = text[j];
      if (d === '"') j = valueEnd(text, j, syntax) - 1;
      else if (d === "[" || d === "{") depth++;
      else if (d === "]" || d === "}") {
        if (--depth === 0) return j + 1;
      }
    }
    throw syntax(text.length);
  }
  let j = i;
  while (j < text.length && !",]} \t\n\r".includes(text[j])) j++;
  if (j === i) throw syntax(i);
  return j;
}

/** The index of the first character at or after `i` that is not JSON white space. */
function space(text: string, i: number): number {
  while (i < text.length && " \t\n\r".includes(text[i])) i++;
  return i;
}
