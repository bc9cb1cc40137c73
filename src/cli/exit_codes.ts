/**
 * The exit codes of every Basket command, listed once: `--help` ends with
 * them and docs/cli.md shows the same list.
 *
 * @module
 */

/** The command did what it was asked. */
export const EXIT_DONE = 0;
/** The command failed: a network, S3, Jupyter or other run-time error. */
export const EXIT_FAILED = 1;
/** A usage error: an unknown or bad flag, environment variable or config key. */
export const EXIT_USAGE = 2;
/** Bad input data: a row, column or value of the data cannot be read (sysexits' EX_DATAERR). */
export const EXIT_BAD_DATA = 65;

/** Every exit code with what it means, in order. */
export const EXIT_CODES: readonly { code: number; meaning: string }[] = [
  { code: EXIT_DONE, meaning: "done" },
  { code: EXIT_FAILED, meaning: "failed" },
  { code: EXIT_USAGE, meaning: "usage (a bad flag, variable or config key)" },
  { code: EXIT_BAD_DATA, meaning: "bad data" },
];

/** The exit codes as one line, for `--help`. */
export function exitCodesLine(): string {
  return `Exit codes: ${
    EXIT_CODES.map(({ code, meaning }) => `${code} ${meaning}`).join(", ")
  }`;
}
