import { type CsvEncoding, encodingFromBom } from "./csv_encoding.ts";
import { InputError } from "../model/input_error.ts";
import { type CsvProblem, CsvScanner, type CsvShape } from "./scan_csv.ts";

/** A CSV file made ready for DuckDB's reader. */
export interface PreparedCsv {
  /** The file DuckDB reads: the file itself, or a UTF-8 copy. */
  path: string;
  /** Whether `path` is a copy whose first field `__row` is each record's line in the file. */
  rewritten: boolean;
  encoding: CsvEncoding;
  /** Records after the header (if any), blank lines left out. */
  records: number;
  /** The records that cannot be read, left out of a copy. */
  problems: CsvProblem[];
  /** Removes the copy, if one was made. */
  remove(): Promise<void>;
}

/** Options for {@linkcode prepareCsv}. */
export interface PrepareCsvOptions {
  what: string;
  /** One character, or `whitespace` (see CsvScanner). */
  delimiter: string;
  headers: readonly string[];
  /** Whether the first line is a header; default true. */
  header?: boolean;
  encoding: CsvEncoding;
  /** `fail` needs only the first problem; `skip` leaves every bad record out of a copy. */
  onBadRows: "fail" | "skip";
  /** Make a copy even when DuckDB could read the file itself. */
  rewrite?: boolean;
}

const CHUNK = 1 << 20;

/**
 * Scans a CSV file once (see CsvScanner), decoding it in `encoding`; an
 * assumed UTF-8 that turns out not to be valid is read as Windows-1252
 * instead, and said so. When DuckDB could not read the file as it is, or
 * number its records by line — another encoding, blank lines, records over
 * several lines, mixed line endings, bad records to leave out, fields apart
 * by whitespace — a second pass writes a UTF-8 copy with each record's line
 * number in front (and fields apart by tabs).
 */
export async function prepareCsv(
  file: string,
  options: PrepareCsvOptions,
): Promise<PreparedCsv> {
  let encoding = options.encoding;
  let shape: CsvShape;
  try {
    shape = await scanFile(file, options, encoding);
  } catch (error) {
    if (!(error instanceof TypeError) || encoding.how !== "valid UTF-8") {
      throw error instanceof TypeError
        ? new InputError({
          what: options.what,
          file,
          problem: `is not valid ${
            encoding.encoding === "utf-8" ? "UTF-8" : encoding.encoding
          } (name its encoding with --encoding, e.g. --encoding windows-1252)`,
        })
        : error;
    }
    encoding = { file, encoding: "windows-1252", how: "not valid UTF-8" };
    shape = await scanFile(file, options, encoding);
  }
  const first = shape.problems[0];
  if (first && options.onBadRows === "fail") {
    throw new InputError({
      what: options.what,
      file,
      row: first.line,
      ...(first.column !== undefined ? { column: first.column } : {}),
      problem: first.problem,
    });
  }
  const copy = !shape.regular || options.rewrite ||
    !(encoding.encoding === "utf-8") || options.delimiter === "whitespace";
  if (!copy) {
    return {
      path: file,
      rewritten: false,
      encoding,
      records: shape.records,
      problems: [],
      remove: async () => {},
    };
  }
  const path = await Deno.makeTempFile({ prefix: "basket-", suffix: ".csv" });
  try {
    const out = await Deno.open(path, { write: true, truncate: true });
    try {
      shape = await scanFile(file, options, encoding, out);
    } finally {
      out.close();
    }
  } catch (error) {
    await Deno.remove(path).catch(() => {});
    throw error;
  }
  return {
    path,
    rewritten: true,
    encoding,
    records: shape.records,
    problems: shape.problems,
    remove: () => Deno.remove(path).catch(() => {}),
  };
}

/**
 * One pass over the file; with `out`, writes the copy to it. Invalid UTF-8
 * under an assumed or given UTF-8 throws the TextDecoder's TypeError; an
 * aborted `signal` stops the pass with its reason.
 */
export async function scanFile(
  file: string,
  options: PrepareCsvOptions,
  encoding: CsvEncoding,
  out?: Deno.FsFile,
  signal?: AbortSignal,
): Promise<CsvShape> {
  const decoder = new TextDecoder(encoding.encoding, {
    fatal: encoding.encoding === "utf-8",
  });
  const encoder = new TextEncoder();
  const pending: string[] = [];
  const scanner = new CsvScanner({
    delimiter: options.delimiter,
    headers: options.headers,
    header: options.header ?? true,
    maxProblems: options.onBadRows === "fail" ? 1 : Infinity,
    ...(out ? { emit: (text: string) => pending.push(text) } : {}),
  });
  const write = async () => {
    for (const text of pending.splice(0)) {
      const bytes = encoder.encode(text);
      let written = 0;
      while (written < bytes.length) {
        written += await out!.write(bytes.subarray(written));
      }
    }
  };
  const input = await Deno.open(file);
  try {
    const buffer = new Uint8Array(CHUNK);
    for (;;) {
      signal?.throwIfAborted();
      const n = await input.read(buffer);
      if (n === null) break;
      scanner.push(decoder.decode(buffer.subarray(0, n), { stream: true }));
      if (out) await write();
    }
    scanner.push(decoder.decode());
  } finally {
    input.close();
  }
  const shape = scanner.finish();
  if (out) await write();
  return shape;
}

/**
 * The encoding to read a file in, from its first bytes: `given` (from
 * `--encoding`) when set, else a byte order mark's, else UTF-8 until the
 * scan finds otherwise.
 */
export function chooseEncoding(
  file: string,
  head: Uint8Array,
  given: string | undefined,
): CsvEncoding {
  if (given) return { file, encoding: given, how: "given" };
  const bom = encodingFromBom(head);
  if (bom) return { file, encoding: bom, how: "byte order mark" };
  return { file, encoding: "utf-8", how: "valid UTF-8" };
}
