/**
 * Better or worse than before: a selection's figures against those of the
 * period of equal length just before it and of the same days a year
 * earlier. One definition for the server and the report's page, which
 * both compute the earlier periods' figures with their own engine and
 * finish here.
 *
 * @module
 */
import { addDays } from "../../model/calendar.ts";
import type { ComparisonPeriods } from "./comparison_periods.ts";
import type { SalesPeriod } from "./period_bounds.ts";
import { relativeChange } from "./relative_change.ts";
import type { SalesFigures } from "./sales_figures_from_sums.ts";

/** A figure against its value in an earlier period. */
export interface FigureChange {
  /** The earlier value; null when it cannot be counted (customers in the page). */
  earlier: number | null;
  /** Current minus earlier; null without both. */
  difference: number | null;
  /** `difference` as a fraction of the earlier value (0.1 = +10 %); null when it is 0 or missing. */
  change: number | null;
}

/** The headline figures that are compared. */
export const COMPARED_FIGURES = [
  "totalSales",
  "grossSales",
  "returnsValue",
  "returnRate",
  "saleLines",
  "transactions",
  "averageBasket",
  "customers",
] as const;

/** One of {@linkcode COMPARED_FIGURES}. */
export type ComparedFigure = typeof COMPARED_FIGURES[number];

/** A headline figure against both earlier periods; null where the data does not cover one. */
export interface HeadlineFigureChange {
  previous: FigureChange | null;
  yearAgo: FigureChange | null;
}

/** Net sales of one group (category, store, region, channel, buyer) now and before. */
export interface GroupChange {
  /** The group's name. */
  key: string;
  /** Net sales in the period; 0 when the group has no line in it. */
  totalSales: number;
  /** Net sales in the previous period (0 without lines); null when the data does not cover it. */
  previous: number | null;
  previousDifference: number | null;
  /** As a fraction of `previous`; null when that is 0 or null. */
  previousChange: number | null;
  /** Net sales a year earlier, likewise. */
  yearAgo: number | null;
  yearAgoDifference: number | null;
  yearAgoChange: number | null;
}

/** A point of the weekly chart's line of last year. */
export interface LastYearWeek {
  /** The Monday of this year's week the point is drawn at. */
  weekStart: string;
  /** The Monday of the week 52 weeks (364 days) before. */
  lastYearWeekStart: string;
  /** Net sales of that week. */
  totalSales: number;
  /** Days of that week in its period: fewer than 7 at the edges. */
  days: number;
}

/** The groups compared, by dimension. */
export const COMPARED_GROUPS = [
  "category",
  "store",
  "region",
  "channel",
  "buyer",
] as const;

/** One of {@linkcode COMPARED_GROUPS}. */
export type ComparedGroup = typeof COMPARED_GROUPS[number];

/** A selection's figures against the earlier periods. See docs/report.md#comparisons. */
export interface SalesComparison {
  period: SalesPeriod | null;
  /**
   * The period of equal length just before, when the data covers it; else
   * null. The headline's own previous period (see `SalesHeadline`) may be
   * covered when this is not: the sale lines reach further back than a
   * cube built with a `from`.
   */
  previousPeriod: SalesPeriod | null;
  /** The same days a year earlier, when the data covers them; else null. */
  yearAgoPeriod: SalesPeriod | null;
  headline: Record<ComparedFigure, HeadlineFigureChange>;
  /** Every group with a line in any of the periods, by name. */
  groups: Record<ComparedGroup, GroupChange[]>;
  /**
   * Net sales of each week 52 weeks before a week of the weekly chart, for
   * the weeks whose earlier week the data holds; empty when there are none
   * or the weekly rows are not weeks (a cube cut by month).
   */
  lastYearWeekly: LastYearWeek[];
}

/** Net sales by group name. */
export type GroupTotals = ReadonlyMap<string, number>;

/** The buyer groups: whose sales they are (see `SalesCube.customerSales`). */
export const BUYERS = {
  new: "New customers",
  returning: "Returning customers",
  anonymous: "No customer id",
} as const;

/** What {@linkcode salesComparison} compares. */
export interface SalesComparisonInput {
  current: SalesFigures;
  periods: ComparisonPeriods;
  /** The figures of `periods.previous` (same filters), or null without it. */
  previous: SalesFigures | null;
  /** The figures of `periods.yearAgo`, or null without it. */
  yearAgo: SalesFigures | null;
  /**
   * Net sales by buyer (see {@linkcode BUYERS}) in each period; null when
   * the engine cannot tell new from returning customers.
   */
  buyers: {
    current: GroupTotals;
    previous: GroupTotals | null;
    yearAgo: GroupTotals | null;
  } | null;
}

/** Report figures that may carry their comparison. */
export type ComparedSalesFigures = SalesFigures & {
  comparison?: SalesComparison | null;
};

/**
 * Compares a selection's figures with those of the earlier periods: each
 * headline figure and the net sales of each category, store, region,
 * channel and buyer (new or returning customer), as a difference and a relative change; and the
 * weekly line of a year before. An earlier period the data does not cover
 * (null in `periods`) gives null, never a change against nothing. The
 * headline compares with its own previous period (`headline.previous`)
 * when it has one, else with `previous`.
 *
 * @example
 * ```ts
 * import { salesComparison } from "./sales_comparison.ts";
 * import { salesFiguresFromSums } from "./sales_figures_from_sums.ts";
 * const figures = (from: string, total: number) => salesFiguresFromSums({
 *   grain: "day",
 *   headline: { period: { from, to: from, days: 1 },
 *     current: { total, gross: total, returned: 0, lines: 1, returnLines: 0,
 *       transactions: 1, returnTransactions: 0, purchaseSales: total,
 *       stores: 1, customers: 1 }, previousPeriod: null, previous: null },
 *   stores: [], byDepartment: [], byCategory: [], bySubCategory: [],
 *   byChannel: [], byChannelCategory: [], byRegionCategory: [], days: [],
 *   monthCategory: [], fuel: [], weeklyFuel: [],
 * });
 * const previousPeriod = { from: "2024-03-01", to: "2024-03-01", days: 1 };
 * const comparison = salesComparison({
 *   current: figures("2024-03-02", 110),
 *   periods: { previous: previousPeriod, yearAgo: null },
 *   previous: figures("2024-03-01", 100), yearAgo: null, buyers: null,
 * });
 * const net = comparison.headline.totalSales;
 * if (net.previous?.difference !== 10 || net.yearAgo !== null) throw new Error();
 * ```
 */
export function salesComparison(input: SalesComparisonInput): SalesComparison {
  const { current, periods } = input;
  const previous = periods.previous ? input.previous : null;
  const yearAgo = periods.yearAgo ? input.yearAgo : null;
  // The headline's own previous period, when it has one, comes from the
  // same engine as its figures: exact customers from the sale lines, and
  // a comparison even where the cube lacks the earlier lines.
  const own = current.headline.previousPeriod && current.headline.previous;
  const previousHeadline = own || previous?.headline;
  const headline = {} as Record<ComparedFigure, HeadlineFigureChange>;
  for (const figure of COMPARED_FIGURES) {
    const now = current.headline[figure];
    headline[figure] = {
      previous: previousHeadline
        ? figureChange(now, previousHeadline[figure])
        : null,
      yearAgo: yearAgo ? figureChange(now, yearAgo.headline[figure]) : null,
    };
  }
  const totals = {
    category: (f: SalesFigures) => byKey(f.byCategory, (r) => r.category),
    store: (f: SalesFigures) => byKey(f.byStore, (r) => r.store),
    region: regionTotals,
    channel: (f: SalesFigures) => byKey(f.byChannel, (r) => r.channel),
  };
  const groups = {} as Record<ComparedGroup, GroupChange[]>;
  for (const [group, of] of Object.entries(totals)) {
    groups[group as ComparedGroup] = groupChanges(
      of(current),
      previous && of(previous),
      yearAgo && of(yearAgo),
    );
  }
  const buyers = input.buyers;
  groups.buyer = buyers
    ? groupChanges(
      buyers.current,
      previous && buyers.previous,
      yearAgo && buyers.yearAgo,
    )
    : [];
  return {
    period: current.headline.period,
    previousPeriod: previous ? periods.previous : null,
    yearAgoPeriod: yearAgo ? periods.yearAgo : null,
    headline,
    groups,
    lastYearWeekly: lastYearWeekly(current, yearAgo),
  };
}

/** A figure against an earlier value. */
export function figureChange(
  current: number | null,
  earlier: number | null,
): FigureChange {
  return {
    earlier,
    difference: current === null || earlier === null ? null : current - earlier,
    change: relativeChange(current, earlier),
  };
}

function byKey<T extends { totalSales: number }>(
  rows: readonly T[],
  key: (row: T) => string,
): Map<string, number> {
  const out = new Map<string, number>();
  for (const row of rows) {
    out.set(key(row), (out.get(key(row)) ?? 0) + row.totalSales);
  }
  return out;
}

/** Net sales by region: the sum of its categories' (see `categorySharesByRegion`). */
function regionTotals(figures: SalesFigures): Map<string, number> {
  return byKey(figures.categorySharesByRegion, (r) => r.group);
}

/**
 * Every group of any period, by name; earlier sums are 0 for a group
 * without lines then, null when that period is not compared.
 */
function groupChanges(
  current: GroupTotals,
  previous: GroupTotals | null,
  yearAgo: GroupTotals | null,
): GroupChange[] {
  const keys = new Set([
    ...current.keys(),
    ...(previous?.keys() ?? []),
    ...(yearAgo?.keys() ?? []),
  ]);
  return [...keys].sort().map((key) => {
    const now = current.get(key) ?? 0;
    const before = previous ? previous.get(key) ?? 0 : null;
    const yearBefore = yearAgo ? yearAgo.get(key) ?? 0 : null;
    const p = figureChange(now, before);
    const y = figureChange(now, yearBefore);
    return {
      key,
      totalSales: now,
      previous: before,
      previousDifference: p.difference,
      previousChange: p.change,
      yearAgo: yearBefore,
      yearAgoDifference: y.difference,
      yearAgoChange: y.change,
    };
  });
}

/**
 * For each week of the weekly chart, the week 364 days before, from the
 * selection's own weeks or the year-ago period's; none when the rows are
 * not weeks (longer than 7 days at a month grain).
 */
function lastYearWeekly(
  current: SalesFigures,
  yearAgo: SalesFigures | null,
): LastYearWeek[] {
  const rows = [...(yearAgo?.weekly ?? []), ...current.weekly];
  if (rows.some((r) => r.days > 7)) return [];
  const weeks = new Map<string, { totalSales: number; days: number }>();
  // The selection's own weeks win: the year-ago period's first week may
  // hold fewer days of it.
  for (const row of rows) weeks.set(row.weekStart, row);
  const out: LastYearWeek[] = [];
  for (const row of current.weekly) {
    const lastYearWeekStart = addDays(row.weekStart, -364);
    const week = weeks.get(lastYearWeekStart);
    if (!week) continue;
    out.push({
      weekStart: row.weekStart,
      lastYearWeekStart,
      totalSales: week.totalSales,
      days: week.days,
    });
  }
  return out;
}
