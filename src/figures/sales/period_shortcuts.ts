/**
 * The periods the report's filter bar offers in one click ("Last month",
 * "Last 3 months", "Last 12 months", "All dates"), worked out from the
 * data's first and last day, with what each is compared with. Pure, so
 * that the server renders the buttons and the page's script marks them.
 *
 * The rule, as a retail analyst reads a month: a shortcut covers whole
 * calendar months, ending with the data's last complete month (the month
 * of its last sale day when that day is the month's last, else the month
 * before; returns booked later do not complete a month). When the last month is incomplete, one more shortcut, "Month to
 * date (partial)", covers its first day to the data's last day, and says
 * it is partial. Each is compared as any date filter is (see
 * `comparisonPeriods`): with the days of equal number just before, and the
 * same days a year earlier.
 *
 * @module
 */
import { dateOfDay, dayNumber, dayOf } from "../../model/calendar.ts";
import { comparisonPeriods } from "./comparison_periods.ts";
import { periodEnd } from "./cube_selection.ts";
import type { SalesPeriod } from "./period_bounds.ts";
import type { SalesCube } from "./sales_cube.ts";

/** Which shortcut. */
export type PeriodShortcutId =
  | "month-to-date"
  | "last-month"
  | "last-3-months"
  | "last-12-months"
  | "all";

/** One period shortcut of the filter bar. */
export interface PeriodShortcut {
  id: PeriodShortcutId;
  /** The button's text. */
  label: string;
  /** The dates it sets in the filter (`YYYY-MM-DD`); both null for "All dates", which clears them. */
  from: string | null;
  to: string | null;
  /** The period in words: "February 2014", "December 2013 to February 2014", "2014-03-01 to 2014-03-14". */
  span: string;
  /** Whether it ends in a month the data covers only in part. */
  partial: boolean;
  /** What its selection (without other filters) is compared with; null when the data does not cover it. */
  previous: SalesPeriod | null;
  yearAgo: SalesPeriod | null;
  /** Why it cannot be used (its period or any comparison lies before the data); null when it can. */
  unavailable: string | null;
  /** What it selects and what it is compared with, or why it cannot be used. */
  title: string;
}

/** The days the shortcuts are worked out from; null when there is none. */
export interface ShortcutDays {
  /** The first day with sales (the comparisons reach back to it at most). */
  firstDay: string | null;
  /** The last day with a sale (see {@linkcode shortcutDays}). */
  lastDay: string | null;
}

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/**
 * The days a cube's shortcuts are worked out from: its first day with
 * lines, and its last day with a sale (a line above zero). Returns booked
 * after the last sale do not make its month complete. The cube holds no
 * line after the report's "as of" date, so the shortcuts follow it. At a
 * week or month grain the last sale is known only to its period: the
 * period's last day, or the cube's last day when earlier.
 */
export function shortcutDays(
  cube: Pick<SalesCube, "from" | "to" | "grain" | "dims" | "cells">,
): ShortcutDays {
  const { period, gross, length } = cube.cells;
  let last = -1;
  for (let i = 0; i < length; i++) {
    if (gross[i] > 0 && period[i] > last) last = period[i];
  }
  if (last < 0 || !cube.to) return { firstDay: cube.from, lastDay: cube.to };
  const end = periodEnd(cube.dims.period[last], cube.grain);
  return { firstDay: cube.from, lastDay: end < cube.to ? end : cube.to };
}

/**
 * The shortcuts for data from `firstDay` to `lastDay`, in the order the
 * filter bar shows them; none without data.
 *
 * @example
 * ```ts
 * import { periodShortcuts } from "./period_shortcuts.ts";
 * const [month, three] = periodShortcuts({
 *   firstDay: "2011-01-25", lastDay: "2014-02-28" });
 * if (month.from !== "2014-02-01" || month.to !== "2014-02-28") throw new Error();
 * if (three.from !== "2013-12-01" || three.unavailable !== null) throw new Error();
 * const partial = periodShortcuts({ firstDay: "2013-01-01", lastDay: "2014-03-14" });
 * if (partial[0].label !== "Month to date (partial)") throw new Error();
 * if (partial[1].to !== "2014-02-28") throw new Error("the last complete month");
 * ```
 */
export function periodShortcuts(days: ShortcutDays): PeriodShortcut[] {
  const { firstDay, lastDay } = days;
  if (!firstDay || !lastDay || firstDay > lastDay) return [];
  const [year, month] = yearMonth(lastDay);
  const complete = monthEnd(year, month) === lastDay;
  // The last complete month, counted from year 0 month 0.
  const endMonth = year * 12 + month - 1 - (complete ? 0 : 1);
  const shortcut = (
    id: PeriodShortcutId,
    label: string,
    from: string,
    to: string,
    partial: boolean,
  ): PeriodShortcut => {
    const period = {
      from,
      to,
      days: dayNumber(to) - dayNumber(from) + 1,
    };
    const { previous, yearAgo } = comparisonPeriods(period, firstDay);
    const span = spanText(from, to);
    const note = partial
      ? ` (a partial month: the last sale is on ${lastDay})`
      : "";
    const unavailable = from < firstDay
      ? `The data starts on ${firstDay}, after ${from}`
      : !previous && !yearAgo
      ? `Nothing earlier to compare ${
        spanText(from, to)
      } with: the data starts on ${firstDay}`
      : null;
    const compared = [
      previous &&
      `the ${period.days} days before (${
        spanText(previous.from, previous.to)
      })`,
      yearAgo &&
      `the same days a year earlier (${spanText(yearAgo.from, yearAgo.to)})`,
    ].filter(Boolean).join(" and ");
    return {
      id,
      label,
      from,
      to,
      span,
      partial,
      previous: unavailable ? null : previous,
      yearAgo: unavailable ? null : yearAgo,
      unavailable,
      title: unavailable ?? `${span}${note}, compared with ${compared}`,
    };
  };
  const lastMonths = (id: PeriodShortcutId, label: string, count: number) => {
    const first = endMonth - count + 1;
    return shortcut(
      id,
      label,
      monthStart(Math.floor(first / 12), (first % 12) + 1),
      monthEnd(Math.floor(endMonth / 12), (endMonth % 12) + 1),
      false,
    );
  };
  return [
    ...(complete ? [] : [
      shortcut(
        "month-to-date",
        "Month to date (partial)",
        monthStart(year, month),
        lastDay,
        true,
      ),
    ]),
    lastMonths("last-month", "Last month", 1),
    lastMonths("last-3-months", "Last 3 months", 3),
    lastMonths("last-12-months", "Last 12 months", 12),
    {
      id: "all",
      label: "All dates",
      from: null,
      to: null,
      span: `${firstDay} to ${lastDay}`,
      partial: false,
      previous: null,
      yearAgo: null,
      unavailable: null,
      title:
        `All dates, from ${firstDay} to the last sale on ${lastDay}: nothing earlier to compare them with`,
    },
  ];
}

/**
 * The shortcut whose dates a filter's `from` and `to` are exactly, if any:
 * "All dates" when neither is set. So a shortcut stays marked for a link
 * with its dates, and no longer once the dates are edited.
 *
 * @example
 * ```ts
 * import { activeShortcut, periodShortcuts } from "./period_shortcuts.ts";
 * const shortcuts = periodShortcuts({ firstDay: "2011-01-25", lastDay: "2014-02-28" });
 * if (activeShortcut(shortcuts, {})?.id !== "all") throw new Error();
 * const month = { from: "2014-02-01", to: "2014-02-28" };
 * if (activeShortcut(shortcuts, month)?.id !== "last-month") throw new Error();
 * if (activeShortcut(shortcuts, { from: "2014-02-02", to: "2014-02-28" })) throw new Error();
 * ```
 */
export function activeShortcut(
  shortcuts: readonly PeriodShortcut[],
  dates: { from?: string; to?: string },
): PeriodShortcut | null {
  return shortcuts.find((s) =>
    !s.unavailable && (s.from ?? "") === (dates.from ?? "") &&
    (s.to ?? "") === (dates.to ?? "")
  ) ?? null;
}

/** The period in words: whole months by name, else its first and last day. */
function spanText(from: string, to: string): string {
  const [fy, fm] = yearMonth(from);
  const [ty, tm] = yearMonth(to);
  if (from !== monthStart(fy, fm) || to !== monthEnd(ty, tm)) {
    return `${from} to ${to}`;
  }
  const name = (y: number, m: number) => `${MONTHS[m - 1]} ${y}`;
  return fy === ty && fm === tm
    ? name(fy, fm)
    : `${name(fy, fm)} to ${name(ty, tm)}`;
}

function yearMonth(date: string): [number, number] {
  return [Number(date.slice(0, 4)), Number(date.slice(5, 7))];
}

function monthStart(year: number, month: number): string {
  return dateOfDay(dayOf(year, month, 1));
}

function monthEnd(year: number, month: number): string {
  return dateOfDay(dayOf(year, month + 1, 1) - 1);
}
