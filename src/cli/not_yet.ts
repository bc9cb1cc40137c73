import { CliError } from "../model/cli_error.ts";
import { runMain } from "./run_main.ts";

/**
 * Entry point for tasks whose issue has not landed yet: it fails clearly
 * instead of pretending to work.
 */
if (import.meta.main) {
  await runMain(([task = "this task"]) => {
    throw new CliError(`"deno task ${task}" is not yet available`, 3);
  });
}
