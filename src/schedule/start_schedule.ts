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
 * (and logged) rather than overlapping it. Resolves when the first run ends.
 */
export async function startSchedule(
  options: StartScheduleOptions,
): Promise<void> {
  options.register(options.name ?? "basket-report", options.cron, async () => {
    await options.runner.tick("cron");
  });
  if (options.runAtStart ?? true) await options.runner.tick("start");
}
