import type { ScheduledRunResult } from "./schedule_runner.ts";

/** Permissions the report command runs with (those of `deno task report`). */
export const REPORT_PERMISSIONS: readonly string[] = [
  "--allow-read",
  "--allow-write",
  "--allow-env",
  "--allow-ffi",
  "--allow-sys",
  "--allow-net",
  "--allow-run",
];

/**
 * The command line that builds and publishes the report:
 * `deno run <permissions> <script> --publish <args>`.
 */
export function reportCommand(
  script = "src/cli/report.ts",
  args: readonly string[] = [],
  permissions: readonly string[] = REPORT_PERMISSIONS,
): string[] {
  return [
    Deno.execPath(),
    "run",
    "--v8-flags=--expose-gc,--optimize-for-size",
    ...permissions,
    script,
    "--publish",
    ...args,
  ];
}

/** Options for {@linkcode runReportProcess}. */
export interface RunReportProcessOptions {
  cwd?: string;
  /** Kills the command after this many milliseconds (default 2 hours). */
  timeoutMs?: number;
  /** Aborting kills the command (e.g. when the scheduler stops). */
  signal?: AbortSignal;
  /** Receives the command's stderr, as text, once it ends. */
  stderr?: (text: string) => void;
}

/**
 * Runs the report command as a subprocess and reads its result from the last
 * line of its stdout, JSON like `{"runId": "...", "dir": "...", "url": "..."}`.
 * Throws an `Error` whose message is the command's own last error line when
 * it fails, or says what is missing when it printed no result.
 */
export async function runReportProcess(
  command: readonly string[],
  options: RunReportProcessOptions = {},
): Promise<ScheduledRunResult> {
  const timeoutMs = options.timeoutMs ?? 2 * 3_600_000;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  const onAbort = () => controller.abort();
  options.signal?.addEventListener("abort", onAbort);
  let output: Deno.CommandOutput;
  try {
    output = await new Deno.Command(command[0], {
      args: command.slice(1),
      ...(options.cwd ? { cwd: options.cwd } : {}),
      stdin: "null",
      stdout: "piped",
      stderr: "piped",
      signal: controller.signal,
    }).output();
  } catch (error) {
    throw new Error(
      `Cannot run the report command ${JSON.stringify(command[0])}: ${
        (error as Error).message
      }`,
    );
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener("abort", onAbort);
  }
  const stdout = new TextDecoder().decode(output.stdout);
  const stderr = new TextDecoder().decode(output.stderr);
  if (stderr) options.stderr?.(stderr);
  if (!output.success) {
    const reason = controller.signal.aborted && !options.signal?.aborted
      ? `it ran longer than ${
        Math.round(timeoutMs / 1000)
      } seconds and was stopped`
      : errorLine(stderr) ?? `it exited with code ${output.code}`;
    throw new Error(`The report run failed: ${reason}`);
  }
  const line = lastLine(stdout);
  let result: unknown;
  try {
    result = line === undefined ? undefined : JSON.parse(line);
  } catch {
    result = undefined;
  }
  const runId = (result as { runId?: unknown } | undefined)?.runId;
  if (typeof runId !== "string") {
    throw new Error(
      `The report run printed no result: expected its last line of output to be JSON like {"runId": "...", "url": "..."}, got ${
        JSON.stringify(line ?? "")
      }`,
    );
  }
  const { url, dir } = result as { url?: unknown; dir?: unknown };
  return {
    runId,
    ...(typeof url === "string" ? { url } : {}),
    ...(typeof dir === "string" ? { dir } : {}),
  };
}

/**
 * The cause a failed command gave on stderr: its last `error: ...` line
 * (without the word and the terminal's colours), else its last line that is
 * not part of a stack backtrace. Deno prints, for a script that cannot
 * start (a missing module, a syntax error), "error: ..." and then, with
 * RUST_BACKTRACE set, a backtrace ending "0: <unknown>".
 */
export function errorLine(stderr: string): string | undefined {
  // deno-lint-ignore no-control-regex
  const lines = stderr.replace(/\x1b\[[0-9;]*m/g, "").split("\n")
    .map((l) => l.trim()).filter(Boolean);
  const error = lines.findLast((l) => /^error:/i.test(l));
  if (error) return error.replace(/^error:\s*/i, "");
  return lines.findLast((l) =>
    !/^(Stack backtrace:|\d+: |at )/.test(l) && l !== "<unknown>"
  );
}

function lastLine(text: string): string | undefined {
  const lines = text.split("\n").map((l) => l.trim()).filter(Boolean);
  return lines.at(-1);
}
