import type { DuckDBConnection } from "@duckdb/node-api";
import type { CsvEncoding } from "./csv_encoding.ts";
import { InputError } from "../model/input_error.ts";
import { checkHeaders, firstLine, readHead, splitLine } from "./csv_header.ts";
import { chooseEncoding, prepareCsv, type PreparedCsv } from "./prepare_csv.ts";
import type { CsvProblem } from "./scan_csv.ts";
import { sqlString } from "../model/sql_string.ts";

/** A CSV file read, all as text, into a temporary view with a `__row` line number. */
export interface StagedCsv {
  table: string;
  file: string;
  /** What the file holds, for messages: "transactions", "customers". */
  what: string;
  /** The header names as they stand in the file; `1`, `2`, ... in a file without a header. */
  headers: string[];
  rows: number;
  /** The encoding the file was read in. */
  encoding: CsvEncoding;
}

/** Options for {@linkcode stageCsv}. */
export interface StageCsvOptions {
  what: string;
  /** `skip` records malformed lines in the `rejects` table instead of failing. */
  onBadRows: "fail" | "skip";
  /** The file's encoding (a WHATWG name); by default detected (see prepareCsv). */
  encoding?: string;
  /** Whether the first line is a header (default); without one, columns are named `1`, `2`, ... */
  header?: boolean;
  /** How fields are separated; by default whichever of `,` `;` tab `|` the first line has most of. */
  delimiter?: CsvDelimiter;
}

/**
 * The delimiters a CSV file's fields may be separated by, as `--delimiter`
 * names them: `whitespace` is runs of spaces and tabs, with spaces before
 * the first field and after the last ignored.
 */
export const CSV_DELIMITERS = [",", ";", "tab", "|", "whitespace"] as const;

/** One of {@linkcode CSV_DELIMITERS}. */
export type CsvDelimiter = typeof CSV_DELIMITERS[number];

const DETECTED = [",", ";", "\t", "|"];

/**
 * Reads a CSV file with DuckDB's reader, every column as VARCHAR, into a
 * temporary table `<table>__text`, and makes `table` a temporary view of it
 * with `__row`: the record's first line in the file (the header, if any, is
 * line 1), blank lines and records over several lines counted. A
 * whitespace-separated file is always read through a tab-separated copy. Fails with an
 * InputError naming the file, line and column for an empty file, a bad
 * header, a header with no rows, or a record that cannot be read (see
 * CsvScanner); with `onBadRows: "skip"` such records go to `rejects`.
 * Records its encoding in `csv_files`.
 */
export async function stageCsv(
  connection: DuckDBConnection,
  file: string,
  table: string,
  options: StageCsvOptions,
): Promise<StagedCsv> {
  const { what } = options;
  const { encoding, delimiter, header, headers } = await readCsvHead(
    file,
    options,
  );
  const skip = options.onBadRows === "skip";
  const read = {
    delimiter: delimiter === "whitespace" ? "\t" : delimiter,
    headers,
    header,
    skip,
  };
  let prepared = await prepareCsv(file, {
    what,
    delimiter,
    headers,
    header,
    encoding,
    onBadRows: options.onBadRows,
  });
  try {
    try {
      await readCsv(connection, prepared, table, read);
    } catch (error) {
      // A file the scan found regular that DuckDB still rejects: in skip
      // mode read a numbered copy, whose bad records DuckDB can skip.
      if (!skip || prepared.rewritten) {
        throw csvError(error, what, prepared, header);
      }
      await prepared.remove();
      prepared = await prepareCsv(file, {
        what,
        delimiter,
        headers,
        header,
        encoding: prepared.encoding,
        onBadRows: "skip",
        rewrite: true,
      });
      try {
        await readCsv(connection, prepared, table, read);
      } catch (error) {
        throw csvError(error, what, prepared, header);
      }
    }
  } finally {
    await prepared.remove();
  }
  await ensureRejectsTable(connection);
  if (prepared.problems.length) {
    await insertRejects(connection, file, what, prepared.problems);
  }
  if (skip && prepared.rewritten) {
    // Records DuckDB rejected that the scan did not: one row each, at the
    // line its copy's first field names.
    await connection.run(
      `INSERT INTO rejects SELECT ${sqlString(file)}, ${
        sqlString(what)
      }, line, NULL, csv_line, ${
        sqlString("is not a well-formed row: ")
      } || regexp_replace(error_message, '\\s+', ' ', 'g') FROM (SELECT DISTINCT ON (line) TRY_CAST(regexp_extract(csv_line, '^[0-9]+') AS INTEGER) AS line, regexp_replace(csv_line, '^[0-9]+.', '') AS csv_line, error_message FROM ${table}__reject ORDER BY line, byte_position)`,
    );
  }
  await connection.run(
    `INSERT INTO csv_files VALUES (${sqlString(file)}, ${
      sqlString(prepared.encoding.encoding)
    }, ${sqlString(prepared.encoding.how)})`,
  );
  const reader = await connection.runAndReadAll(
    `SELECT count(*)::INTEGER AS n FROM ${table}`,
  );
  const rows = Number(reader.getRows()[0][0]);
  if (rows === 0 && !prepared.problems.length) {
    throw new InputError({ what, file, problem: "has a header but no rows" });
  }
  return { table, file, what, headers, rows, encoding: prepared.encoding };
}

/** What the first line of a CSV file says about how to read it. */
export interface CsvHead {
  /** The encoding to read it in (UTF-8 until a scan finds otherwise, unless given or marked). */
  encoding: CsvEncoding;
  /** One character, or `whitespace`. */
  delimiter: string;
  header: boolean;
  /** The header's names, or `1`, `2`, ... */
  headers: string[];
}

/**
 * Reads a CSV file's first bytes for its encoding, delimiter and header
 * names, and checks the header (see checkHeaders); an InputError for an
 * empty file or a bad header.
 */
export async function readCsvHead(
  file: string,
  options: Pick<StageCsvOptions, "what" | "encoding" | "header" | "delimiter">,
): Promise<CsvHead> {
  const { what } = options;
  const head = await readHead(file, what);
  const encoding = chooseEncoding(file, head, options.encoding);
  const headerLine = firstLine(head, encoding.encoding, file, what);
  const delimiter = options.delimiter === undefined
    ? DETECTED.reduce((best, d) =>
      count(headerLine, d) > count(headerLine, best) ? d : best
    )
    : options.delimiter === "tab"
    ? "\t"
    : options.delimiter;
  const header = options.header ?? true;
  const fields = splitLine(headerLine, delimiter);
  const headers = header ? fields : fields.map((_, i) => String(i + 1));
  if (header) checkHeaders(headers, what, file);
  return { encoding, delimiter, header, headers };
}

/**
 * DuckDB's reader of a CSV file with the given columns (a STRUCT literal
 * of names and types), as both loading paths call it: no detection, double
 * quotes escaped by doubling.
 */
export function readCsvSql(
  path: string,
  options: {
    header: boolean;
    delimiter: string;
    columns: string;
    /** Further options, `, name = value` each. */
    more?: string;
  },
): string {
  return `read_csv(${
    sqlString(path)
  }, header = ${options.header}, auto_detect = false, delim = ${
    sqlString(options.delimiter)
  }, quote = '"', escape = '"', columns = ${options.columns}${
    options.more ?? ""
  })`;
}

/** Reads a prepared file into `<table>__text` and the view `table`. */
async function readCsv(
  connection: DuckDBConnection,
  prepared: PreparedCsv,
  table: string,
  options: {
    delimiter: string;
    headers: string[];
    header: boolean;
    skip: boolean;
  },
): Promise<void> {
  const { rewritten } = prepared;
  const columns = `{${
    [
      ...(rewritten ? [`'__row': 'INTEGER'`] : []),
      ...options.headers.map((h) => `${sqlString(h)}: 'VARCHAR'`),
    ].join(", ")
  }}`;
  // DuckDB skips bad records only in a copy, whose records carry their
  // line numbers; in the file itself a skipped record would shift rowid.
  const skip = options.skip && rewritten;
  const rejects = `${table}__reject`;
  const read = readCsvSql(prepared.path, {
    header: options.header,
    delimiter: options.delimiter,
    columns,
    more: skip
      ? `, ignore_errors = true, store_rejects = true, rejects_table = '${rejects}', rejects_scan = '${rejects}_scan'`
      : "",
  });
  await connection.run(
    `CREATE OR REPLACE TEMP TABLE ${table}__text AS SELECT * FROM ${read}`,
  );
  // The reader keeps the file's order, so in a file whose records are one
  // line each rowid numbers them; numbering with row_number() OVER ()
  // instead would cost as much as reading the file.
  await connection.run(
    `CREATE OR REPLACE TEMP VIEW ${table} AS SELECT ${
      rewritten ? "" : `(rowid + ${options.header ? 2 : 1})::INTEGER AS __row, `
    }* FROM ${table}__text`,
  );
}

/** Creates the table where rejected rows and their reasons are kept, and `csv_files`, the encoding of each CSV file read. */
export async function ensureRejectsTable(
  connection: DuckDBConnection,
): Promise<void> {
  await connection.run(
    `CREATE TABLE IF NOT EXISTS rejects (file VARCHAR, what VARCHAR, row INTEGER, "column" VARCHAR, value VARCHAR, reason VARCHAR)`,
  );
  await connection.run(
    `CREATE TEMP TABLE IF NOT EXISTS csv_files (file VARCHAR, encoding VARCHAR, how VARCHAR)`,
  );
}

/** The encodings stageCsv recorded in `csv_files`, in the order the files were read. */
export async function csvEncodings(
  connection: DuckDBConnection,
): Promise<CsvEncoding[]> {
  const reader = await connection.runAndReadAll(
    `SELECT file, encoding, how FROM csv_files ORDER BY rowid`,
  );
  return reader.getRowObjectsJS() as unknown as CsvEncoding[];
}

/** Inserts the records a scan could not read into `rejects`, a thousand at a time. */
async function insertRejects(
  connection: DuckDBConnection,
  file: string,
  what: string,
  problems: CsvProblem[],
): Promise<void> {
  for (let i = 0; i < problems.length; i += 1000) {
    const batch = problems.slice(i, i + 1000);
    // Parameters, not literals: a record may hold a NUL character.
    await connection.run(
      `INSERT INTO rejects VALUES ${
        batch.map((_, j) =>
          `(${[1, 2, 3, 4, 5, 6].map((k) => `$${j * 6 + k}`).join(", ")})`
        ).join(", ")
      }`,
      batch.flatMap((p) => [
        file,
        what,
        p.line,
        p.column ?? null,
        p.text === undefined
          ? null
          : p.text.length > 200
          ? `${p.text.slice(0, 200)}…`
          : p.text,
        `is not a well-formed row: ${p.problem}`,
      ]),
    );
  }
}

function count(text: string, char: string): number {
  return text.split(char).length - 1;
}

/**
 * DuckDB's error as an InputError. Its line is exact: a file read as it
 * is has one record a line, and a copy's records start with their line.
 */
function csvError(
  error: unknown,
  what: string,
  prepared: PreparedCsv,
  header: boolean,
): Error {
  const file = prepared.encoding.file;
  const message = error instanceof Error ? error.message : String(error);
  const line = prepared.rewritten
    ? /Original Line: (\d+)/.exec(message)
    : /CSV Error on Line: (\d+)/.exec(message);
  const problem = /unterminated quote/.test(message)
    ? "has a quote that is never closed"
    : /Expected Number of Columns/.test(message)
    ? `has a number of fields other than the ${
      header ? "header's" : "first line's"
    }`
    : "cannot be read as CSV";
  return new InputError({
    what,
    file,
    ...(line ? { row: Number(line[1]) } : {}),
    problem,
  });
}
