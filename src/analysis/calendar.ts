/**
 * Calendar arithmetic on `YYYY-MM-DD` strings, in UTC so that no time zone
 * can shift a day. ISO weeks start on Monday; week 1 is the week holding the
 * year's first Thursday.
 *
 * @module
 */

const DAY_MS = 86_400_000;

/** Three-letter weekday names, Monday first (ISO weekday 1 to 7). */
export const WEEKDAY_NAMES = [
  "Mon",
  "Tue",
  "Wed",
  "Thu",
  "Fri",
  "Sat",
  "Sun",
] as const;

/** Three-letter month names, January first. */
export const MONTH_NAMES = [
  "Jan",
  "Feb",
  "Mar",
  "Apr",
  "May",
  "Jun",
  "Jul",
  "Aug",
  "Sep",
  "Oct",
  "Nov",
  "Dec",
] as const;

/** Whether `text` is a real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const day = Date.parse(`${text}T00:00:00Z`);
  return Number.isFinite(day) &&
    new Date(day).toISOString().slice(0, 10) === text;
}

/** Days since 1970-01-01 of a `YYYY-MM-DD` date. */
export function dayNumber(date: string): number {
  return Math.round(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
}

/** The `YYYY-MM-DD` date of a day number. */
export function dateOfDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** `date` moved by `days` (negative goes back). */
export function addDays(date: string, days: number): string {
  return dateOfDay(dayNumber(date) + days);
}

/** Every date from `from` to `to`, both included (empty when `from > to`). */
export function eachDay(from: string, to: string): string[] {
  const out: string[] = [];
  for (let day = dayNumber(from); day <= dayNumber(to); day++) {
    out.push(dateOfDay(day));
  }
  return out;
}

/** ISO weekday: 1 for Monday to 7 for Sunday. */
export function isoWeekday(date: string): number {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

/** The Monday that starts the ISO week holding `date`. */
export function isoWeekStart(date: string): string {
  return addDays(date, 1 - isoWeekday(date));
}

/**
 * The ISO week of `date` as `YYYY-Www`: the year is the ISO year, which
 * differs from the calendar year for a few days around New Year.
 *
 * @example
 * ```ts
 * import { isoWeek } from "./calendar.ts";
 * if (isoWeek("2021-01-03") !== "2020-W53") throw new Error("wrong week");
 * if (isoWeek("2024-12-30") !== "2025-W01") throw new Error("wrong week");
 * ```
 */
export function isoWeek(date: string): string {
  const thursday = addDays(isoWeekStart(date), 3);
  const year = thursday.slice(0, 4);
  const week = Math.floor(
    (dayNumber(thursday) - dayNumber(`${year}-01-01`)) / 7,
  ) + 1;
  return `${year}-W${String(week).padStart(2, "0")}`;
}
