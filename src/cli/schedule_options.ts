import { parseCron } from "../schedule/parse_cron.ts";
import { CONFIG_OPTION } from "./data_options.ts";
import { duration, wholeNumber } from "./spine/validators.ts";

/** Every 6 hours, on the hour (UTC). */
export const DEFAULT_CRON = "0 */6 * * *";
/** Where the schedule's JSON lines go besides stdout. */
export const DEFAULT_LOG = "reports/schedule.log";

/** The options of `deno task schedule`, declared once. */
export const SCHEDULE_OPTIONS = [
  {
    name: "cron",
    kind: "string",
    value: "EXPR",
    help: "five-field cron schedule, UTC",
    default: DEFAULT_CRON,
    defaultText: `"${DEFAULT_CRON}": every 6 hours`,
    env: ["BASKET_SCHEDULE"],
    config: "schedule.cron",
    parse: (text: string) => parseCron(text),
  },
  {
    name: "log",
    kind: "string",
    value: "FILE",
    help: "JSON-lines log",
    default: DEFAULT_LOG,
    config: "schedule.log",
  },
  {
    name: "attempts",
    kind: "string",
    value: "N",
    help: "attempts per run, the first included",
    default: 3,
    parse: wholeNumber({ min: 1 }),
  },
  {
    name: "retry-delays",
    kind: "string",
    value: "LIST",
    help: 'waits before retries, e.g. "1m,5m"',
    default: [60_000, 300_000],
    defaultText: "1m,5m",
    parse: (text: string, from: string): number[] =>
      text.split(",").map((d) => duration(d, from) * 1000),
  },
  {
    name: "once",
    kind: "boolean",
    help: "run once (with its retries) and exit: for systemd timers or cron(8)",
  },
  {
    name: "no-initial-run",
    kind: "boolean",
    help: "wait for the first cron time instead of running at start",
  },
  {
    name: "report-script",
    kind: "string",
    value: "PATH",
    help: "the report command's script",
    defaultText: "src/cli/report.ts",
  },
  { ...CONFIG_OPTION, section: "Options" },
] as const;
