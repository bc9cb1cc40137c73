import { dateOfDay, dayOf, weekday } from "../model/calendar.ts";

/** A US holiday or retail event, and how it moves store traffic. */
export interface UsHoliday {
  /** `YYYY-MM-DD`. */
  date: string;
  name: string;
  /** Multiplier on the day's shopping visits (below 1: stores close early). */
  shopping: number;
  /** Multiplier on the day's fuel fills (travel days). */
  fuel: number;
}

/**
 * US federal holidays and the big retail days (Black Friday, Cyber Monday,
 * Christmas Eve, ...) between two dates, inclusive, with their effect on
 * shopping and on fuel sales.
 *
 * @example
 * ```ts
 * import { usHolidays } from "./us_holidays.ts";
 * const names = usHolidays("2025-09-01", "2025-11-30").map((h) => `${h.date} ${h.name}`);
 * if (!names.includes("2025-11-28 Black Friday")) throw new Error(names.join("; "));
 * ```
 */
export function usHolidays(from: string, to: string): UsHoliday[] {
  const first = Number(from.slice(0, 4)), last = Number(to.slice(0, 4));
  const holidays: UsHoliday[] = [];
  for (let year = first; year <= last; year++) {
    for (const h of holidaysOf(year)) {
      const date = dateOfDay(h.day);
      if (date >= from && date <= to) {
        holidays.push({
          date,
          name: h.name,
          shopping: h.shopping,
          fuel: h.fuel,
        });
      }
    }
  }
  return holidays.sort((a, b) =>
    a.date < b.date ? -1 : a.date > b.date ? 1 : 0
  );
}

interface HolidayDay {
  day: number;
  name: string;
  shopping: number;
  fuel: number;
}

function holidaysOf(year: number): HolidayDay[] {
  const fixed = (month: number, d: number) => dayOf(year, month, d);
  const thanksgiving = nthWeekday(year, 11, 4, 4);
  const day = (day: number, name: string, shopping: number, fuel = 1) => ({
    day,
    name,
    shopping,
    fuel,
  });
  return [
    day(fixed(1, 1), "New Year's Day", 0.6, 0.8),
    day(nthWeekday(year, 1, 1, 3), "Martin Luther King Jr. Day", 1.2),
    day(nthWeekday(year, 2, 1, 3), "Presidents' Day", 1.4),
    day(easterSunday(year), "Easter Sunday", 0.5, 0.8),
    day(lastWeekday(year, 5, 1) - 3, "Memorial Day weekend", 1.2, 1.35),
    day(lastWeekday(year, 5, 1), "Memorial Day", 1.5, 1.2),
    day(fixed(6, 19), "Juneteenth", 1.1),
    day(fixed(7, 3), "Independence Day eve", 1.2, 1.4),
    day(fixed(7, 4), "Independence Day", 1.3, 1.2),
    day(nthWeekday(year, 9, 1, 1) - 3, "Labor Day weekend", 1.2, 1.35),
    day(nthWeekday(year, 9, 1, 1), "Labor Day", 1.6, 1.2),
    day(nthWeekday(year, 10, 1, 2), "Columbus Day", 1.2),
    day(fixed(11, 11), "Veterans Day", 1.3),
    day(thanksgiving - 1, "Thanksgiving eve", 1.3, 1.5),
    day(thanksgiving, "Thanksgiving Day", 0.4, 0.9),
    day(thanksgiving + 1, "Black Friday", 2.6, 1.1),
    day(thanksgiving + 4, "Cyber Monday", 1.7),
    day(fixed(12, 24), "Christmas Eve", 1.7, 1.3),
    day(fixed(12, 25), "Christmas Day", 0.2, 0.6),
    day(fixed(12, 26), "Boxing Day sales", 1.5),
    day(fixed(12, 31), "New Year's Eve", 1.2, 1.2),
  ];
}

/** The `n`-th given weekday (0 = Sunday) of a month. */
function nthWeekday(
  year: number,
  month: number,
  wd: number,
  n: number,
): number {
  const first = dayOf(year, month, 1);
  return first + ((wd - weekday(first) + 7) % 7) + 7 * (n - 1);
}

/** The last given weekday of a month. */
function lastWeekday(year: number, month: number, wd: number): number {
  const last = dayOf(year, month + 1, 1) - 1;
  return last - ((weekday(last) - wd + 7) % 7);
}

/** Easter Sunday (Gregorian calendar, the anonymous "computus"). */
function easterSunday(year: number): number {
  const a = year % 19, b = Math.floor(year / 100), c = year % 100;
  const d = Math.floor(b / 4), e = b % 4, f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4), k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const dayOfMonth = ((h + l - 7 * m + 114) % 31) + 1;
  return dayOf(year, month, dayOfMonth);
}
