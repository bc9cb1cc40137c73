/**
 * Calendar arithmetic on `YYYY-MM-DD` strings through day numbers (days since
 * 1970-01-01, UTC), so that no time zone or clock is involved.
 *
 * @module
 */

const DAY_MS = 86_400_000;

/** Whether `text` is a real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const ms = Date.parse(`${text}T00:00:00Z`);
  return Number.isFinite(ms) &&
    new Date(ms).toISOString().slice(0, 10) === text;
}

/**
 * The day number of a `YYYY-MM-DD` date (days since 1970-01-01).
 *
 * @example
 * ```ts
 * import { dayNumber, isoDate } from "./iso_date.ts";
 * if (isoDate(dayNumber("2025-02-28") + 1) !== "2025-03-01") throw new Error("bad date");
 * ```
 */
export function dayNumber(date: string): number {
  if (!isIsoDate(date)) {
    throw new RangeError(
      `Cannot read date ${JSON.stringify(date)}: expected YYYY-MM-DD`,
    );
  }
  return Math.round(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
}

/** The `YYYY-MM-DD` date of a day number. */
export function isoDate(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Day of the week of a day number: 0 = Sunday ... 6 = Saturday. */
export function weekday(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** The day number of a calendar date given as numbers (month 1–12). */
export function dayOf(year: number, month: number, dayOfMonth: number): number {
  return Math.round(Date.UTC(year, month - 1, dayOfMonth) / DAY_MS);
}
