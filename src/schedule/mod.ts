/**
 * Rerunning the report on a schedule.
 *
 * @module
 */
export { parseCron } from "./parse_cron.ts";
export { reportCommand, runReportProcess } from "./run_report_process.ts";
export {
  createScheduleRunner,
  type ScheduleLogEntry,
  type ScheduleRunner,
} from "./schedule_runner.ts";
export { startSchedule } from "./start_schedule.ts";
