const FIELDS = [
  { name: "minute", min: 0, max: 59 },
  { name: "hour", min: 0, max: 23 },
  { name: "day of month", min: 1, max: 31 },
  {
    name: "month",
    min: 1,
    max: 12,
    names: [
      "JAN",
      "FEB",
      "MAR",
      "APR",
      "MAY",
      "JUN",
      "JUL",
      "AUG",
      "SEP",
      "OCT",
      "NOV",
      "DEC",
    ],
  },
  {
    name: "day of week",
    min: 0,
    max: 7,
    names: ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"],
  },
] as const;

/** The most days each month has (February 29 in leap years). */
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Checks a five-field cron schedule (minute, hour, day of month, month, day
 * of week; UTC, as `Deno.cron` reads it) and returns it with single spaces.
 * Each field is `*`, a value, a range `a-b`, a step `*\/n` or `a-b/n`, or a
 * comma-separated list of those; months and days may be named (`JAN`,
 * `MON`). Throws a `SyntaxError` that names the field at fault, or says
 * that the schedule never fires (`0 0 31 2 *`: February has no 31st).
 *
 * @example
 * ```ts
 * import { equal, throws } from "node:assert/strict";
 * import { parseCron } from "./parse_cron.ts";
 *
 * equal(parseCron(" 0  *\/6 * * * "), "0 *\/6 * * *");
 * throws(() => parseCron("0 24 * * *"), SyntaxError);
 * throws(() => parseCron("0 0 31 2 *"), /it never fires/);
 * ```
 */
export function parseCron(text: string): string {
  const parts = text.trim().split(/\s+/);
  const fail = (problem: string): never => {
    throw new SyntaxError(
      `Invalid cron schedule ${JSON.stringify(text)}: ${problem}`,
    );
  };
  if (parts.length !== 5 || parts[0] === "") {
    fail(
      `expected 5 fields (minute hour day-of-month month day-of-week), got ${
        parts[0] === "" ? 0 : parts.length
      }`,
    );
  }
  const sets: Set<number>[] = [];
  parts.forEach((part, i) => {
    const set = new Set<number>();
    sets.push(set);
    const field = FIELDS[i];
    const value = (token: string): number => {
      const upper = token.toUpperCase();
      const named = "names" in field
        ? (field.names as readonly string[]).indexOf(upper)
        : -1;
      if (named >= 0) return named + (field.name === "month" ? 1 : 0);
      if (!/^\d+$/.test(token)) {
        fail(`${field.name} ${JSON.stringify(token)} is not a number`);
      }
      const n = Number(token);
      if (n < field.min || n > field.max) {
        fail(
          `${field.name} ${
            JSON.stringify(token)
          } is out of range ${field.min}-${field.max}`,
        );
      }
      return n;
    };
    for (const item of part.split(",")) {
      if (field.name === "day of month" && item.toUpperCase() === "L") {
        set.add(28); // the last day: every month has one
        continue;
      }
      const [range, step, extra] = item.split("/");
      if (extra !== undefined || range === "") {
        fail(
          `${field.name} ${JSON.stringify(item)} is not a value, range or step`,
        );
      }
      if (step !== undefined && !/^[1-9]\d*$/.test(step)) {
        fail(
          `${field.name} step ${
            JSON.stringify(step)
          } is not a positive whole number`,
        );
      }
      const every = Number(step ?? 1);
      if (range === "*") {
        for (let n = field.min; n <= field.max; n += every) set.add(n);
        continue;
      }
      const [from, to, more] = range.split("-");
      if (more !== undefined) {
        fail(`${field.name} ${JSON.stringify(range)} is not a range`);
      }
      const low = value(from);
      const high = to === undefined ? (step ? field.max : low) : value(to);
      if (high < low) {
        fail(`${field.name} range ${JSON.stringify(range)} runs backwards`);
      }
      for (let n = low; n <= high; n += every) set.add(n);
    }
  });
  // With any day of the week, the day of month alone decides: a day that no
  // month of the schedule has (February 30th) would never fire. (With both
  // restricted, cron fires on either, so the day of week still fires.)
  const [, , days, months] = sets;
  if (
    parts[4] === "*" &&
    ![...months].some((month) =>
      [...days].some((day) => day <= DAYS_IN_MONTH[month - 1])
    )
  ) {
    fail(
      `it never fires: no month in ${JSON.stringify(parts[3])} has day ${
        JSON.stringify(parts[2])
      }`,
    );
  }
  return parts.join(" ");
}
