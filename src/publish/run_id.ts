const RUN_ID = /^\d{8}T\d{6}Z[A-Za-z0-9._-]{0,40}$/;

/**
 * Whether `value` is a report run id: a UTC timestamp `YYYYMMDDTHHMMSSZ`,
 * optionally followed by a short suffix of letters, digits, `.`, `_` or `-`.
 * Run ids sort in time order and are safe in file names and S3 keys.
 *
 * @example
 * ```ts
 * import { ok, throws } from "node:assert/strict";
 * import { assertRunId, isRunId } from "./run_id.ts";
 *
 * ok(isRunId("20261121T214500Z"));
 * throws(() => assertRunId("../x"), RangeError);
 * ok(isRunId("20261121T214500Z-2"));
 * ok(!isRunId("latest"));
 * ```
 */
export function isRunId(value: string): boolean {
  return RUN_ID.test(value) && !value.includes("..");
}

/** Throws a `RangeError` in the house style unless `value` is a run id. */
export function assertRunId(value: string): string {
  if (!isRunId(value)) {
    throw new RangeError(
      `Invalid run id ${
        JSON.stringify(value)
      }: expected a UTC timestamp like "20261121T214500Z", optionally with a suffix`,
    );
  }
  return value;
}
