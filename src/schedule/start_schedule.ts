import type { ScheduleRunner } from "./schedule_runner.ts";

/** Registers a cron job: `Deno.cron` at the edge, a fake in tests. */
export type RegisterCron = (
  name: string,
  schedule: string,
  handler: () => Promise<void>,
) => void;

/** Options for {@linkcode startSchedule}. */
export interface StartScheduleOptions {
  /** A validated cron schedule (see {@linkcode parseCron}). */
  cron: string;
  register: RegisterCron;
  runner: ScheduleRunner;
  /** Run once right away (default true). */
  runAtStart?: boolean;
  /** The cron job's name (default "basket-report"). */
  name?: string;
}

/**
 * Registers the report's cron job, then runs it once at start. The job is
 * registered first, so that a tick falling during the first run is skipped
 * (and logged) rather than overlapping it. Each tick's handler returns at
 * once and leaves the run to the runner (see `runner.idle()`). Resolves
 * when the first run ends.
 */
export async function startSchedule(
  options: StartScheduleOptions,
): Promise<void> {
  // The handler returns at once: Deno.cron never calls a handler whose
  // previous call is still going, and skips such ticks without a word; so
  // the runner's own guard sees every tick, and logs each one it skips.
  options.register(options.name ?? "basket-report", options.cron, () => {
    options.runner.tick("cron");
    return Promise.resolve();
  });
  if (options.runAtStart ?? true) await options.runner.tick("start");
}
