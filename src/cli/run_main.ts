import { InputError } from "../model/input_error.ts";
import { CliError } from "../model/cli_error.ts";
import { EXIT_BAD_DATA, EXIT_FAILED } from "./exit_codes.ts";

/**
 * Runs a command's main function: prints an error's message (its stack only
 * with `--debug`) on stderr and exits non-zero.
 */
export async function runMain(
  main: (args: string[]) => Promise<number | void>,
  args: string[] = Deno.args,
): Promise<never> {
  const debug = args.includes("--debug");
  try {
    const code = await main(args.filter((a) => a !== "--debug"));
    Deno.exit(code ?? 0);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    console.error(`error: ${message}`);
    if (debug && error instanceof Error && error.stack) {
      console.error(error.stack);
    }
    Deno.exit(
      error instanceof CliError
        ? error.exitCode
        : error instanceof InputError
        ? EXIT_BAD_DATA
        : EXIT_FAILED,
    );
  }
}
