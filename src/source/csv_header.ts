import { InputError } from "../model/input_error.ts";
import { normaliseHeader } from "./normalise_header.ts";

/**
 * What a failure to open or stat a path means, in words: `does not exist`,
 * `is a loop of symbolic links`, or `cannot be opened: ...`.
 */
export function openProblem(error: unknown): string {
  if (error instanceof Deno.errors.NotFound) return "does not exist";
  if (
    (error as { code?: string }).code === "ELOOP" ||
    error instanceof Deno.errors.FilesystemLoop
  ) {
    return "is a symbolic link that leads back to itself (a loop of links)";
  }
  return `cannot be opened: ${(error as Error).message}`;
}

/** The first 64 KiB of a file (all of a smaller one). */
export async function readHead(
  file: string,
  what: string,
): Promise<Uint8Array> {
  let handle: Deno.FsFile;
  try {
    handle = await Deno.open(file);
  } catch (error) {
    throw new InputError({ what, file, problem: openProblem(error) });
  }
  try {
    const buffer = new Uint8Array(1 << 16);
    let n = 0;
    while (n < buffer.length) {
      const read = await handle.read(buffer.subarray(n));
      if (read === null) break;
      n += read;
    }
    return buffer.subarray(0, n);
  } finally {
    handle.close();
  }
}

/** The header line, decoded in `encoding`; an InputError when the file or its first line is empty. */
export function firstLine(
  head: Uint8Array,
  encoding: string,
  file: string,
  what: string,
): string {
  const text = new TextDecoder(encoding).decode(head);
  const line = text.split(/\r?\n|\r/, 1)[0];
  if (text.trim() === "" || line.trim() === "") {
    throw new InputError({ what, file, problem: "is empty" });
  }
  return line;
}

/**
 * Checks a header's names: none empty, none twice, and no two that differ
 * only in case or spacing, which Basket matches as one (see
 * normaliseHeader).
 */
export function checkHeaders(
  headers: readonly string[],
  what: string,
  file: string,
): void {
  const seen = new Map<string, string>();
  for (const header of headers) {
    if (header.trim() === "") {
      throw new InputError({
        what,
        file,
        row: 1,
        problem: "a column has no name",
      });
    }
    const key = normaliseHeader(header);
    const earlier = seen.get(key);
    if (earlier === header) {
      throw new InputError({
        what,
        file,
        row: 1,
        column: header,
        problem: "appears twice in the header",
      });
    }
    if (earlier !== undefined) {
      throw new InputError({
        what,
        file,
        row: 1,
        problem: `columns ${JSON.stringify(earlier)} and ${
          JSON.stringify(header)
        } differ only in case or spacing, so Basket cannot tell them apart`,
      });
    }
    seen.set(key, header);
  }
}

/**
 * Splits one CSV line, honouring double quotes. With `whitespace` for the
 * delimiter, runs of spaces and tabs separate fields, and those at either
 * end are ignored.
 */
export function splitLine(line: string, delimiter: string): string[] {
  const whitespace = delimiter === "whitespace";
  const gap = (c: string | undefined) => c === " " || c === "\t";
  if (whitespace) line = line.replace(/^[ \t]+|[ \t]+$/g, "");
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
    else if (whitespace ? gap(c) : c === delimiter) {
      while (whitespace && gap(line[i + 1])) i++;
      fields.push(field);
      field = "";
    } else field += c;
  }
  fields.push(field);
  return fields;
}
