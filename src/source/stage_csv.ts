import type { DuckDBConnection } from "@duckdb/node-api";
import { InputError } from "../model/input_error.ts";
import { sqlString } from "../model/sql_string.ts";

/** A CSV file read, all as text, into a temporary view with a `__row` line number. */
export interface StagedCsv {
  table: string;
  file: string;
  /** What the file holds, for messages: "transactions", "customers". */
  what: string;
  /** The header names as they stand in the file. */
  headers: string[];
  rows: number;
}

/** Options for {@linkcode stageCsv}. */
export interface StageCsvOptions {
  what: string;
  /** `skip` records malformed lines in the `rejects` table instead of failing. */
  onBadRows: "fail" | "skip";
}

const DELIMITERS = [",", ";", "\t", "|"];

/**
 * Reads a CSV file with DuckDB's reader, every column as VARCHAR, into a
 * temporary table `<table>__text`, and makes `table` a temporary view of it
 * with `__row`: the line number (the header is line 1). Fails with
 * an InputError naming the file and line for an empty file, a header with
 * no rows, or a line with the wrong number of fields.
 */
export async function stageCsv(
  connection: DuckDBConnection,
  file: string,
  table: string,
  options: StageCsvOptions,
): Promise<StagedCsv> {
  const { what } = options;
  const headerLine = await readFirstLine(file, what);
  const delimiter = DELIMITERS.reduce((best, d) =>
    count(headerLine, d) > count(headerLine, best) ? d : best
  );
  const headers = splitLine(headerLine, delimiter);
  const seen = new Set<string>();
  for (const header of headers) {
    if (header.trim() === "") {
      throw new InputError({
        what,
        file,
        row: 1,
        problem: "a column has no name",
      });
    }
    if (seen.has(header)) {
      throw new InputError({
        what,
        file,
        row: 1,
        column: header,
        problem: "appears twice in the header",
      });
    }
    seen.add(header);
  }
  const columns = `{${
    headers.map((h) => `${sqlString(h)}: 'VARCHAR'`).join(", ")
  }}`;
  const skip = options.onBadRows === "skip";
  const rejects = `${table}__reject`;
  const read = `read_csv(${
    sqlString(file)
  }, header = true, auto_detect = false, delim = ${
    sqlString(delimiter)
  }, quote = '"', escape = '"', columns = ${columns}${
    skip
      ? `, ignore_errors = true, store_rejects = true, rejects_table = '${rejects}', rejects_scan = '${rejects}_scan'`
      : ""
  })`;
  try {
    // The reader keeps the file's order, so each row's rowid numbers it;
    // numbering with row_number() OVER () instead would cost as much as
    // reading the file.
    await connection.run(
      `CREATE OR REPLACE TEMP TABLE ${table}__text AS SELECT * FROM ${read}`,
    );
    await connection.run(
      `CREATE OR REPLACE TEMP VIEW ${table} AS SELECT (rowid + 2)::INTEGER AS __row, * FROM ${table}__text`,
    );
  } catch (error) {
    throw csvError(error, what, file);
  }
  if (skip) {
    await ensureRejectsTable(connection);
    await connection.run(
      `INSERT INTO rejects SELECT ${sqlString(file)}, ${
        sqlString(what)
      }, line::INTEGER, NULL, csv_line, ${
        sqlString("is not a well-formed row: ")
      } || regexp_replace(error_message, '\\s+', ' ', 'g') FROM ${rejects}`,
    );
  }
  const reader = await connection.runAndReadAll(
    `SELECT count(*)::INTEGER AS n FROM ${table}`,
  );
  const rows = Number(reader.getRows()[0][0]);
  if (rows === 0) {
    throw new InputError({ what, file, problem: "has a header but no rows" });
  }
  return { table, file, what, headers, rows };
}

/** Creates the table where rejected rows and their reasons are kept. */
export async function ensureRejectsTable(
  connection: DuckDBConnection,
): Promise<void> {
  await connection.run(
    `CREATE TABLE IF NOT EXISTS rejects (file VARCHAR, what VARCHAR, row INTEGER, "column" VARCHAR, value VARCHAR, reason VARCHAR)`,
  );
}

async function readFirstLine(file: string, what: string): Promise<string> {
  let handle: Deno.FsFile;
  try {
    handle = await Deno.open(file);
  } catch (error) {
    throw new InputError({
      what,
      file,
      problem: error instanceof Deno.errors.NotFound
        ? "does not exist"
        : `cannot be opened: ${(error as Error).message}`,
    });
  }
  try {
    const buffer = new Uint8Array(1 << 16);
    const n = await handle.read(buffer) ?? 0;
    const text = new TextDecoder().decode(buffer.subarray(0, n)).replace(
      /^\uFEFF/,
      "",
    );
    const line = text.split(/\r?\n/, 1)[0];
    if (text.trim() === "" || line.trim() === "") {
      throw new InputError({ what, file, problem: "is empty" });
    }
    return line;
  } finally {
    handle.close();
  }
}

function count(text: string, char: string): number {
  return text.split(char).length - 1;
}

/** Splits one CSV line, honouring double quotes. */
export function splitLine(line: string, delimiter: string): string[] {
  const fields: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') field += line[++i];
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === delimiter) {
      fields.push(field);
      field = "";
    } else field += c;
  }
  fields.push(field);
  return fields;
}

function csvError(error: unknown, what: string, file: string): Error {
  const message = error instanceof Error ? error.message : String(error);
  const line = /CSV Error on Line: (\d+)/.exec(message);
  if (!line) {
    return new InputError({
      what,
      file,
      problem: `is not a readable CSV file: ${message.split("\n")[0]}`,
    });
  }
  const columns = /Expected Number of Columns: (\d+) Found: (\d+)/.exec(
    message,
  );
  const problem = columns
    ? `has ${columns[2]} fields where the header has ${columns[1]}`
    : /unterminated quote/.test(message)
    ? "has a quote that is never closed"
    : message.split("\n").find((l) =>
      l.trim() && !l.startsWith("Invalid Input Error") &&
      !l.startsWith("Original Line")
    )?.trim() ?? "is malformed";
  return new InputError({ what, file, row: Number(line[1]), problem });
}
