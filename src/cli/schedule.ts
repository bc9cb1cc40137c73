import { runMain } from "./run_main.ts";
import { appendJsonLine } from "../schedule/append_json_line.ts";
import { SCHEDULE_OPTIONS } from "./schedule_options.ts";
import { loadSettings } from "./settings_file.ts";
import type { CommandSpec } from "./spine/option_spec.ts";
import { readCommandLine } from "./spine/read_command_line.ts";
import {
  reportCommand,
  runReportProcess,
} from "../schedule/run_report_process.ts";
import {
  createScheduleRunner,
  type ScheduleLogEntry,
} from "../schedule/schedule_runner.ts";
import { startSchedule } from "../schedule/start_schedule.ts";

export { DEFAULT_CRON, DEFAULT_LOG } from "./schedule_options.ts";

/** `deno task schedule`, declared once. */
export const SCHEDULE_SPEC: CommandSpec = {
  name: "schedule",
  usage: ["[options] [-- REPORT_ARGS...]"],
  description:
    `Rerun and publish the report on a schedule (Deno.cron), once at start and
then at each cron time (UTC). A run never overlaps another: a tick that comes
during a run is skipped and logged. A failed run is retried with backoff, and
the schedule goes on after it. Each attempt, each skipped tick and a stop
(SIGTERM, SIGINT: the attempt going is logged as interrupted) writes one JSON
line to stdout and to the log file.`,
  options: SCHEDULE_OPTIONS,
  epilogue:
    `The report runs as "deno run <permissions> src/cli/report.ts --publish REPORT_ARGS...";
its last line of stdout is read as JSON: {"runId": ..., "dir": ..., "url": ...}.`,
};

/** `deno task schedule`: see {@linkcode SCHEDULE_SPEC}. */
export async function main(args: string[]): Promise<number> {
  const split = args.indexOf("--");
  const own = split >= 0 ? args.slice(0, split) : args;
  const reportArgs = split >= 0 ? args.slice(split + 1) : [];
  const parsed = readCommandLine(SCHEDULE_SPEC, own);
  if (!parsed) return 0;
  const settings = await loadSettings(SCHEDULE_OPTIONS, parsed.flags);
  const { cron, log: logFile, attempts } = settings;
  const retryDelays = settings["retry-delays"];

  const stopping = new AbortController();
  const command = reportCommand(settings["report-script"], reportArgs);
  const log = async (entry: ScheduleLogEntry) => {
    console.log(JSON.stringify(entry));
    await appendJsonLine(logFile, entry);
  };
  const runner = createScheduleRunner({
    attempts,
    retryDelays,
    log: async (entry) => {
      try {
        await log(entry);
      } catch (error) {
        console.error(
          `warning: cannot write the schedule log "${logFile}": ${
            (error as Error).message
          }`,
        );
      }
    },
    run: () =>
      runReportProcess(command, {
        signal: stopping.signal,
        stderr: (text) => Deno.stderr.writeSync(new TextEncoder().encode(text)),
      }),
  });

  // SIGTERM or SIGINT: log the attempt going as interrupted, stop the
  // report process, wait (a little) for it to end, and exit: 0, or 1 with
  // --once (its run did not succeed).
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    Deno.addSignalListener(signal, async () => {
      console.error(`stopping the schedule (${signal})`);
      await runner.stop(signal);
      stopping.abort();
      await Promise.race([
        runner.idle(),
        new Promise((resolve) => setTimeout(resolve, 10_000)),
      ]);
      Deno.exit(settings.once ? 1 : 0);
    });
  }
  if (settings.once) {
    return (await runner.tick("start")) === "success" ? 0 : 1;
  }
  console.error(
    `scheduled the report at "${cron}" (UTC); logging to ${logFile}`,
  );
  await startSchedule({
    cron,
    runner,
    runAtStart: !settings["no-initial-run"],
    register: (name, schedule, handler) => Deno.cron(name, schedule, handler),
  });
  // Deno.cron keeps the process alive until it is stopped.
  return await new Promise<number>(() => {});
}

if (import.meta.main) await runMain(main);
