import { parseArgs } from "node:util";
import { CliError } from "./cli_error.ts";
import { parseDuration } from "./parse_duration.ts";
import { runMain } from "./run_main.ts";
import { appendJsonLine } from "../schedule/append_json_line.ts";
import { readBasketConfig } from "./config_file.ts";
import { parseCron } from "../schedule/parse_cron.ts";
import {
  reportCommand,
  runReportProcess,
} from "../schedule/run_report_process.ts";
import {
  createScheduleRunner,
  type ScheduleLogEntry,
} from "../schedule/schedule_runner.ts";
import { startSchedule } from "../schedule/start_schedule.ts";

/** Every 6 hours, on the hour (UTC). */
export const DEFAULT_CRON = "0 */6 * * *";
/** Where the schedule's JSON lines go besides stdout. */
export const DEFAULT_LOG = "reports/schedule.log";

const HELP =
  `Rerun and publish the report on a schedule (Deno.cron), once at start and
then at each cron time (UTC). A run never overlaps another: a tick that comes
during a run is skipped and logged. A failed run is retried with backoff, and
the schedule goes on after it. Each attempt writes one JSON line to stdout and
to the log file.

Usage:
  deno task schedule [options] [-- REPORT_ARGS...]

Options:
  --cron EXPR            five-field cron schedule, UTC (BASKET_SCHEDULE, config "schedule.cron";
                         default "${DEFAULT_CRON}": every 6 hours)
  --log FILE             JSON-lines log (config "schedule.log"; default ${DEFAULT_LOG})
  --attempts N           attempts per run, the first included (default 3)
  --retry-delays LIST    waits before retries, e.g. "1m,5m" (default)
  --once                 run once (with its retries) and exit: for systemd timers or cron(8)
  --no-initial-run       wait for the first cron time instead of running at start
  --report-script PATH   the report command's script (default src/cli/report.ts)
  --config FILE          Basket's config file (default: BASKET_CONFIG or basket.config.json)
  --help                 show this help

The report runs as "deno run <permissions> src/cli/report.ts --publish REPORT_ARGS...";
its last line of stdout is read as JSON: {"runId": ..., "dir": ..., "url": ...}.`;

/** `deno task schedule`: see {@linkcode HELP}. */
export async function main(args: string[]): Promise<number> {
  const split = args.indexOf("--");
  const own = split >= 0 ? args.slice(0, split) : args;
  const reportArgs = split >= 0 ? args.slice(split + 1) : [];
  let values;
  try {
    ({ values } = parseArgs({
      args: own,
      strict: true,
      options: {
        cron: { type: "string" },
        log: { type: "string" },
        attempts: { type: "string" },
        "retry-delays": { type: "string" },
        once: { type: "boolean" },
        "no-initial-run": { type: "boolean" },
        "report-script": { type: "string" },
        config: { type: "string" },
        help: { type: "boolean" },
      },
    }));
  } catch (error) {
    throw new CliError(`${(error as Error).message}: see --help`);
  }
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  const env = Deno.env.toObject();
  let cron: string;
  let logFile: string;
  let attempts: number;
  let retryDelays: number[];
  try {
    const { file } = await readBasketConfig(values.config, env);
    cron = parseCron(
      values.cron ?? (env.BASKET_SCHEDULE || undefined) ??
        file.schedule?.cron ?? DEFAULT_CRON,
    );
    logFile = values.log ?? file.schedule?.log ?? DEFAULT_LOG;
    attempts = values.attempts === undefined ? 3 : Number(values.attempts);
    if (!Number.isInteger(attempts) || attempts < 1) {
      throw new RangeError(
        `Invalid --attempts: ${
          JSON.stringify(values.attempts)
        } is not a whole number, at least 1`,
      );
    }
    retryDelays = (values["retry-delays"] ?? "1m,5m").split(",").map((d) =>
      parseDuration(d) * 1000
    );
  } catch (error) {
    throw new CliError((error as Error).message, 2);
  }

  const stopping = new AbortController();
  const command = reportCommand(values["report-script"], reportArgs);
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

  if (values.once) {
    return (await runner.tick("start")) === "success" ? 0 : 1;
  }
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    Deno.addSignalListener(signal, () => {
      stopping.abort();
      console.error(`stopping the schedule (${signal})`);
      Deno.exit(0);
    });
  }
  console.error(
    `scheduled the report at "${cron}" (UTC); logging to ${logFile}`,
  );
  await startSchedule({
    cron,
    runner,
    runAtStart: !values["no-initial-run"],
    register: (name, schedule, handler) => Deno.cron(name, schedule, handler),
  });
  // Deno.cron keeps the process alive until it is stopped.
  return await new Promise<number>(() => {});
}

if (import.meta.main) await runMain(main);
