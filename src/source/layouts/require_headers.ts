import { InputError } from "../../model/input_error.ts";
import { normaliseHeader } from "../normalise_header.ts";
import type { StagedCsv } from "../stage_csv.ts";

/** The header of `staged` that reads `name` once normalised (see normaliseHeader), if any. */
export function findHeader(
  staged: StagedCsv,
  name: string,
): string | undefined {
  return staged.headers.find((h) => normaliseHeader(h) === name);
}

/**
 * The headers of `staged` that read `names` once normalised, by name.
 * Throws an InputError listing the names the header lacks and the columns it has.
 */
export function requireHeaders(
  staged: StagedCsv,
  names: string[],
): Record<string, string> {
  const found: Record<string, string> = {};
  const missing = names.filter((name) => {
    const h = findHeader(staged, name);
    if (h !== undefined) found[name] = h;
    return h === undefined;
  });
  if (missing.length) {
    throw new InputError({
      what: staged.what,
      file: staged.file,
      row: 1,
      problem: `the header lacks ${missing.length > 1 ? "columns" : "column"} ${
        missing.map((m) => JSON.stringify(m)).join(", ")
      }; it has ${staged.headers.map((h) => JSON.stringify(h)).join(", ")}`,
    });
  }
  return found;
}
