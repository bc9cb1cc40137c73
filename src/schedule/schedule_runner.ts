/** What one run of the report returned. */
export interface ScheduledRunResult {
  runId?: string;
  url?: string;
  dir?: string;
}

/** What started a run. */
export type ScheduleTrigger = "start" | "cron";

/** One attempt of a scheduled run, as logged. */
export interface RunLogEntry {
  event: "run";
  trigger: ScheduleTrigger;
  attempt: number;
  attempts: number;
  start: string;
  end: string;
  /** `interrupted`: the schedule was stopped (SIGTERM, SIGINT) during it. */
  outcome: "success" | "failure" | "interrupted";
  /** The signal that interrupted the attempt. */
  signal?: string;
  runId?: string;
  url?: string;
  dir?: string;
  error?: string;
  /** Milliseconds until the next attempt, after a failure that will be retried. */
  retryInMs?: number;
}

/** A tick that came while a run was still going, so did nothing. */
export interface SkipLogEntry {
  event: "skipped";
  trigger: ScheduleTrigger;
  at: string;
  reason: string;
}

/** The schedule stopped, on a signal. */
export interface StopLogEntry {
  event: "stopped";
  at: string;
  signal: string;
}

/** One line of the schedule's JSON-lines log. */
export type ScheduleLogEntry = RunLogEntry | SkipLogEntry | StopLogEntry;

/** Options for {@linkcode createScheduleRunner}; every effect is injected. */
export interface ScheduleRunnerOptions {
  /** Runs the report once; throws when it fails. */
  run: (attempt: number) => Promise<ScheduledRunResult>;
  /** Records one log entry (a JSON line on stdout and in the log file). */
  log: (entry: ScheduleLogEntry) => void | Promise<void>;
  now?: () => Date;
  sleep?: (ms: number) => Promise<void>;
  /** Attempts per scheduled run, the first included (default 3). */
  attempts?: number;
  /** Milliseconds before the 2nd, 3rd... attempt; the last repeats (default 1 min, 5 min). */
  retryDelays?: readonly number[];
}

/** Runs the report on each tick, never two at once. */
export interface ScheduleRunner {
  /**
   * Runs the report, retrying a failure after the configured delays; a tick
   * that comes while a run (or its retries) is going is skipped and logged.
   * Never throws: failures are logged, and the next tick runs as usual.
   */
  tick(trigger: ScheduleTrigger): Promise<"success" | "failure" | "skipped">;
  /** Whether a run is going. */
  readonly busy: boolean;
  /**
   * Stops the schedule: logs the attempt going, if any, as `interrupted`
   * by `signal`, then a `stopped` entry. Later ticks do nothing, and the
   * interrupted attempt is neither logged again nor retried. The caller
   * kills the report process (it passed an abort signal to `run`).
   */
  stop(signal: string): Promise<void>;
  /** Resolves when no run is going. */
  idle(): Promise<void>;
}

/** The default delays between attempts: 1 minute, then 5 minutes. */
export const DEFAULT_SCHEDULE_RETRY_DELAYS: readonly number[] = [
  60_000,
  300_000,
];

/**
 * The pure core of `deno task schedule`: the clock, the waiting, the report
 * run and the log are injected, so tests drive it with a fake clock and
 * instant sleeps.
 */
export function createScheduleRunner(
  options: ScheduleRunnerOptions,
): ScheduleRunner {
  const now = options.now ?? (() => new Date());
  const sleep = options.sleep ??
    ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const attempts = Math.max(1, options.attempts ?? 3);
  const delays = options.retryDelays?.length
    ? options.retryDelays
    : DEFAULT_SCHEDULE_RETRY_DELAYS;
  let busy = false;
  let stopped = false;
  let current:
    | { trigger: ScheduleTrigger; attempt: number; start: string }
    | undefined;
  let running: Promise<unknown> = Promise.resolve();

  const safeLog = async (entry: ScheduleLogEntry) => {
    try {
      await options.log(entry);
    } catch {
      // A log that cannot be written must not stop the schedule.
    }
  };

  return {
    get busy() {
      return busy;
    },
    async stop(signal) {
      if (stopped) return;
      stopped = true;
      if (current) {
        await safeLog({
          event: "run",
          ...current,
          attempts,
          end: now().toISOString(),
          outcome: "interrupted",
          signal,
        });
      }
      await safeLog({ event: "stopped", at: now().toISOString(), signal });
    },
    async idle() {
      await running.catch(() => {});
    },
    tick(trigger) {
      const wasBusy = busy;
      const tick = run(trigger);
      if (!wasBusy && busy) running = tick;
      return tick;
    },
  };

  async function run(
    trigger: ScheduleTrigger,
  ): Promise<"success" | "failure" | "skipped"> {
    if (stopped) return "skipped";
    if (busy) {
      await safeLog({
        event: "skipped",
        trigger,
        at: now().toISOString(),
        reason: "the previous run is still going",
      });
      return "skipped";
    }
    busy = true;
    try {
      for (let attempt = 1; attempt <= attempts && !stopped; attempt++) {
        const start = now().toISOString();
        current = { trigger, attempt, start };
        try {
          const result = await options.run(attempt);
          if (stopped) return "failure";
          await safeLog({
            event: "run",
            trigger,
            attempt,
            attempts,
            start,
            end: now().toISOString(),
            outcome: "success",
            ...definedOnly(result),
          });
          return "success";
        } catch (error) {
          if (stopped) return "failure";
          const retryInMs = attempt < attempts
            ? delays[Math.min(attempt - 1, delays.length - 1)]
            : undefined;
          await safeLog({
            event: "run",
            trigger,
            attempt,
            attempts,
            start,
            end: now().toISOString(),
            outcome: "failure",
            error: error instanceof Error ? error.message : String(error),
            ...(retryInMs !== undefined ? { retryInMs } : {}),
          });
          if (retryInMs !== undefined) await sleep(retryInMs);
        }
      }
      return "failure";
    } finally {
      busy = false;
      current = undefined;
    }
  }
}

function definedOnly(result: ScheduledRunResult): ScheduledRunResult {
  const out: ScheduledRunResult = {};
  if (result.runId !== undefined) out.runId = result.runId;
  if (result.url !== undefined) out.url = result.url;
  if (result.dir !== undefined) out.dir = result.dir;
  return out;
}
