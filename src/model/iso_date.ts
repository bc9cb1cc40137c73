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
  // Howard Hinnant's civil_from_days: fast and exact for any day number.
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) -
      Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  const year = y >= 0 && y <= 9999 ? String(y).padStart(4, "0") : String(y);
  return `${year}-${m < 10 ? "0" : ""}${m}-${d < 10 ? "0" : ""}${d}`;
}

/** Day of the week of a day number: 0 = Sunday ... 6 = Saturday. */
export function weekday(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** The day number of a calendar date given as numbers (month 1–12). */
export function dayOf(year: number, month: number, dayOfMonth: number): number {
  return Math.round(Date.UTC(year, month - 1, dayOfMonth) / DAY_MS);
}
