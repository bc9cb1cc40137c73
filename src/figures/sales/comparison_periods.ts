/**
 * The periods a selection is compared with: the period of equal length
 * just before it, and the same days a year earlier. Pure, so that the
 * report's page works them out as the server does.
 *
 * @module
 */
import { dayNumber } from "../../model/calendar.ts";
import { previousPeriodCovered, type SalesPeriod } from "./period_bounds.ts";

/** The periods a selection's figures are compared with; null when the data does not cover one. */
export interface ComparisonPeriods {
  /** The period of equal length just before. */
  previous: SalesPeriod | null;
  /** The same calendar days a year earlier (29 February reads as the 28th). */
  yearAgo: SalesPeriod | null;
}

/**
 * `date` (`YYYY-MM-DD`) moved by whole years; 29 February becomes the 28th
 * in a year without it.
 *
 * @example
 * ```ts
 * import { shiftYears } from "./comparison_periods.ts";
 * if (shiftYears("2024-02-29", -1) !== "2023-02-28") throw new Error();
 * if (shiftYears("2014-01-05", -1) !== "2013-01-05") throw new Error();
 * ```
 */
export function shiftYears(date: string, years: number): string {
  const year = Number(date.slice(0, 4)) + years;
  const rest = date.slice(4);
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return `${String(year).padStart(4, "0")}${
    rest === "-02-29" && !leap ? "-02-28" : rest
  }`;
}

/**
 * The comparison periods of `period`, each only when the selection without
 * its date bounds reaches back to the period's first day (`firstDay`: the
 * first day of those lines), so that no change is computed against days
 * the data does not hold.
 *
 * @example
 * ```ts
 * import { comparisonPeriods } from "./comparison_periods.ts";
 * const periods = comparisonPeriods(
 *   { from: "2014-01-01", to: "2014-01-31", days: 31 }, "2013-06-01");
 * if (periods.previous?.from !== "2013-12-01") throw new Error("previous");
 * if (periods.yearAgo !== null) throw new Error("the data starts after 2013-01-01");
 * ```
 */
export function comparisonPeriods(
  period: SalesPeriod | null,
  firstDay: string | null,
): ComparisonPeriods {
  if (!period) return { previous: null, yearAgo: null };
  const from = shiftYears(period.from, -1);
  const to = shiftYears(period.to, -1);
  return {
    previous: previousPeriodCovered(period, firstDay),
    yearAgo: firstDay !== null && firstDay <= from
      ? { from, to, days: dayNumber(to) - dayNumber(from) + 1 }
      : null,
  };
}
