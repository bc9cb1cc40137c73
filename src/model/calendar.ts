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

// dayNumber() and dateOfDay() do the civil-calendar arithmetic themselves
// (H. Hinnant's days_from_civil and civil_from_days), as the report's page
// calls them for every day of every filter and Date is ten times slower;
// they fall back to Date for what the arithmetic does not cover, so that
// both give exactly what Date gives.

/** Days since 1970-01-01 of a `YYYY-MM-DD` date. */
export function dayNumber(date: string): number {
  const y = digits(date, 0, 4);
  const m = digits(date, 5, 7);
  const d = digits(date, 8, 10);
  if (
    date.length !== 10 || date[4] !== "-" || date[7] !== "-" || y < 0 ||
    !(m >= 1 && m <= 12) || !(d >= 1 && d <= 28)
  ) return Math.round(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
  const year = m <= 2 ? y - 1 : y;
  const era = Math.floor(year / 400);
  const yearOfEra = year - era * 400;
  const dayOfYear = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) +
    d - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) -
    Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** The number written by the digits of `text` from `start` to `end`; -1 if any is not a digit. */
function digits(text: string, start: number, end: number): number {
  let value = 0;
  for (let i = start; i < end; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (!(digit >= 0 && digit <= 9)) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/**
 * The `YYYY-MM-DD` date of a day number.
 *
 * @example
 * ```ts
 * import { dateOfDay, dayNumber } from "./calendar.ts";
 * if (dateOfDay(dayNumber("2025-02-28") + 1) !== "2025-03-01") throw new Error("bad date");
 * ```
 */
export function dateOfDay(day: number): string {
  if (!Number.isInteger(day) || day < -719468 || day > 2932896) {
    return new Date(day * DAY_MS).toISOString().slice(0, 10);
  }
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) -
      Math.floor(dayOfEra / 146096)) / 365,
  );
  const dayOfYear = dayOfEra -
    (365 * yearOfEra + Math.floor(yearOfEra / 4) -
      Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const d = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yearOfEra + era * 400 + (m <= 2 ? 1 : 0);
  return `${String(y).padStart(4, "0")}-${m < 10 ? "0" : ""}${m}-${
    d < 10 ? "0" : ""
  }${d}`;
}

/** The `YYYY-MM-DD` date of a day number: another name for {@linkcode dateOfDay}. */
export const isoDate: (day: number) => string = dateOfDay;

/** The day number of a calendar date given as numbers (month 1–12; a month or day past its end rolls over). */
export function dayOf(year: number, month: number, dayOfMonth: number): number {
  return Math.round(Date.UTC(year, month - 1, dayOfMonth) / DAY_MS);
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
  return weekdayOfDay(dayNumber(date));
}

/** Day of the week of a day number: 0 for Sunday to 6 for Saturday. */
export function weekday(day: number): number {
  return weekdayOfDay(day) % 7;
}

/** ISO weekday of a day number (NaN for NaN). */
function weekdayOfDay(day: number): number {
  // Day 0, 1970-01-01, was a Thursday.
  return Number.isFinite(day) ? (((day + 3) % 7) + 7) % 7 + 1 : NaN;
}

/** The Monday that starts the ISO week holding `date`. */
export function isoWeekStart(date: string): string {
  const day = dayNumber(date);
  return dateOfDay(day + 1 - weekdayOfDay(day));
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
  const day = dayNumber(date);
  const thursday = day + 4 - weekdayOfDay(day);
  const year = dateOfDay(thursday).slice(0, 4);
  const week = Math.floor((thursday - dayNumber(`${year}-01-01`)) / 7) + 1;
  return `${year}-W${String(week).padStart(2, "0")}`;
}
