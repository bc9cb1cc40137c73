/**
 * The pure halves of the fuel analyses: fuel figures from the sums of fuel
 * lines. The SQL analyses and the report page's cube both call them; they
 * live apart from the SQL halves because those import DuckDB and the page
 * must not.
 *
 * @module
 */
import { isoWeek } from "../../model/calendar.ts";
import { compareNames } from "../../model/compare_names.ts";

/** Fuel figures of one fuel type, or of all fuel. */
export interface FuelFigures {
  /** Net fuel sales: sum of the fuel lines' amounts. */
  revenue: number;
  /** Sum of gallons over the fuel lines (returns subtract). */
  gallons: number;
  /**
   * Volume-weighted average price per gallon: `sum(amount) / sum(gallons)`
   * over the fuel lines that have gallons. It is what a gallon actually
   * brought in, not the mean of the posted `fuel_price`s. Null when no
   * gallons were sold.
   */
  averagePrice: number | null;
  /** Number of fuel lines. */
  saleLines: number;
}

/** One fuel type's figures. */
export interface FuelTypeFigures extends FuelFigures {
  /** The fuel type, or "(none)" for fuel lines without one. */
  fuelType: string;
}

/** What `fuelSummary` returns: the fuel figures in total and by fuel type. */
export interface FuelSummary extends FuelFigures {
  /** By fuel type, most gallons first (ties by name). */
  byType: FuelTypeFigures[];
}

/** One fuel type's figures in one ISO week. */
export interface WeeklyFuelPriceRow extends FuelFigures {
  /** ISO week, `YYYY-Www`. */
  week: string;
  /** The week's Monday, `YYYY-MM-DD`. */
  weekStart: string;
  /** The fuel type, or "(none)". */
  fuelType: string;
}

/** Sums over the fuel lines of one fuel type. */
export interface FuelSums {
  /** The fuel type, or "(none)". */
  fuelType: string;
  /** Sum of amounts. */
  revenue: number;
  /** Sum of the amounts of the lines that have gallons, or null. */
  pricedRevenue: number | null;
  /** Sum of gallons, or null when no line has any. */
  gallons: number | null;
  lines: number;
}

/** Revenue, gallons, volume-weighted price and lines from their sums. */
export function fuelFigures(
  revenue: number,
  pricedRevenue: number | null,
  gallons: number | null,
  lines: number,
): FuelFigures {
  const volume = gallons ?? 0;
  return {
    revenue,
    gallons: volume,
    averagePrice: volume === 0 ? null : (pricedRevenue ?? 0) / volume,
    saleLines: lines,
  };
}

/**
 * The fuel summary from the sums of each fuel type: the totals, and the
 * types by gallons, most first (ties by name).
 *
 * @example
 * ```ts
 * import { fuelSummaryFromTypes } from "./fuel_figures.ts";
 * const fuel = fuelSummaryFromTypes([
 *   { fuelType: "Diesel", revenue: 70, pricedRevenue: 70, gallons: 20, lines: 2 }]);
 * if (fuel.averagePrice !== 3.5) throw new Error("expected 70 / 20");
 * ```
 */
export function fuelSummaryFromTypes(types: readonly FuelSums[]): FuelSummary {
  const byType = types
    .map((row) => ({
      fuelType: row.fuelType,
      ...fuelFigures(row.revenue, row.pricedRevenue, row.gallons, row.lines),
    }))
    .sort((a, b) =>
      b.gallons - a.gallons ||
      compareNames(a.fuelType, b.fuelType)
    );
  const sum = (f: (r: FuelSums) => number | null) =>
    types.reduce((s, r) => s + (f(r) ?? 0), 0);
  return {
    ...fuelFigures(
      sum((r) => r.revenue),
      sum((r) => r.pricedRevenue),
      sum((r) => r.gallons),
      sum((r) => r.lines),
    ),
    byType,
  };
}

/**
 * Weekly fuel rows from the sums of each (week's Monday, fuel type), in week
 * order, fuel types in code-point order within a week (as SQL's ORDER BY).
 */
export function weeklyFuelPricesFromSums(
  rows: readonly (FuelSums & { weekStart: string })[],
): WeeklyFuelPriceRow[] {
  return [...rows]
    .sort((a, b) =>
      compare(a.weekStart, b.weekStart) || compare(a.fuelType, b.fuelType)
    )
    .map((row) => ({
      week: isoWeek(row.weekStart),
      weekStart: row.weekStart,
      fuelType: row.fuelType,
      ...fuelFigures(row.revenue, row.pricedRevenue, row.gallons, row.lines),
    }));
}

function compare(a: string, b: string): number {
  return a === b ? 0 : a < b ? -1 : 1;
}
