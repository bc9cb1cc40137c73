/**
 * An error the command line reports as a message, without a stack (unless
 * `--debug`), and exits with `exitCode`.
 */
export class CliError extends Error {
  override name = "CliError";
  readonly exitCode: number;

  constructor(message: string, exitCode = 2) {
    super(message);
    this.exitCode = exitCode;
  }
}
