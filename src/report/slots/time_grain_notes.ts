/**
 * What a time chart says in its place when it cannot draw honestly: the
 * page's filtered figures come from sums by week or month (a large data
 * set's cube), or the period lies within one month.
 *
 * @module
 */
import type { CubeGrain } from "../../figures/sales/sales_cube.ts";
import type { MonthlySalesRow } from "../../figures/sales/series_from_days.ts";

/**
 * The note of a chart by days (or by weeks, `what` = "Weekly") when the
 * figures are by a coarser `grain`; null at the grain it needs.
 *
 * @example
 * ```ts
 * import { coarseAside } from "./time_grain_notes.ts";
 * if (coarseAside("Daily", "day") !== null) throw new Error();
 * if (!coarseAside("Daily", "month")?.includes("sums by month")) throw new Error();
 * if (coarseAside("Weekly", "week") !== null) throw new Error();
 * ```
 */
export function coarseAside(
  what: "Daily" | "Weekday" | "Weekly",
  grain: CubeGrain | undefined,
): string | null {
  const needs = what === "Weekly" ? "week" : "day";
  if (!grain || grain === "day" || grain === needs) return null;
  const see = grain === "week" ? "weekly" : "monthly";
  return `${what} figures are not shown for a filter: for data this large the page carries sums by ${grain}, not by ${needs}. See the ${see} chart; "Reset filters" shows the ${what.toLowerCase()} figures of all the data.`;
}

/**
 * The note of a chart by months when the period lies within one month:
 * one column says nothing of a trend; null for two months or more.
 *
 * @example
 * ```ts
 * import { oneMonthAside } from "./time_grain_notes.ts";
 * const note = oneMonthAside([{ month: "2025-03", days: 12, totalSales: 5, saleLines: 2, change: null }]);
 * if (!note?.startsWith("The period lies within one month (2025-03, 12 days)")) throw new Error(note ?? "");
 * ```
 */
export function oneMonthAside(
  months: readonly MonthlySalesRow[],
): string | null {
  if (months.length !== 1) return null;
  const [only] = months;
  return `The period lies within one month (${only.month}, ${only.days} day${
    only.days === 1 ? "" : "s"
  }): see the weekly and daily charts.`;
}
