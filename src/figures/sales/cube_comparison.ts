/**
 * The page's engine for comparisons: the figures of the earlier periods
 * from the report's cube, finished by `salesComparison`. Pure and free of
 * DuckDB, so that the page compares under any filter its reader picks, and
 * the server compares the report's first view the same way.
 *
 * @module
 */
import { comparisonPeriods } from "./comparison_periods.ts";
import { cubeFigures, type CubeFiguresOptions } from "./cube_figures.ts";
import {
  type CubeFilter,
  cubeSelection,
  nextPeriodStart,
  periodStart,
} from "./cube_selection.ts";
import type { SalesPeriod } from "./period_bounds.ts";
import type { SalesCube } from "./sales_cube.ts";
import {
  BUYERS,
  type GroupTotals,
  type SalesComparison,
  salesComparison,
} from "./sales_comparison.ts";
import type { SalesFigures } from "./sales_figures_from_sums.ts";

/**
 * Compares `current`, the figures of `filter`'s selection (from the cube
 * or from the sale lines), with the same filter over the period of equal
 * length just before and over the same days a year earlier, both summed
 * from `cube`. A period is compared only when the cube's lines under the
 * filter, whatever its dates, reach back to its first day. At a week or
 * month grain an earlier period holds the cube's periods starting within
 * it, as the headline's previous period does. Sales by buyer come from
 * the cube's `customerSales`, when it has them.
 *
 * @example
 * ```ts
 * import { cubeComparison } from "./cube_comparison.ts";
 * import { cubeFigures } from "./cube_figures.ts";
 * const cube = {
 *   grain: "day" as const, from: "2024-03-01", to: "2024-03-02",
 *   bounds: { dataFrom: "2024-03-01", dataTo: "2024-03-02", from: null, to: null },
 *   dims: { period: ["2024-03-01", "2024-03-02"], store: ["S1"],
 *     region: ["North"], channel: ["Shop"], department: ["(none)"],
 *     category: ["Books"], fuelType: ["(none)"], segment: ["(none)"],
 *     cluster: ["(none)"] },
 *   storeCity: ["Leeds"],
 *   cells: { length: 2, period: [0, 1], store: [0, 0], region: [0, 0],
 *     channel: [0, 0], department: [0, 0], category: [0, 0], fuelType: [0, 0],
 *     segment: [0, 0], cluster: [0, 0], net: [100, 110], gross: [100, 110],
 *     returns: [0, 0], lines: [1, 1], returnLines: [0, 0], quantity: [1, 1],
 *     gallons: [0, 0], basketGross: [0, 0], gallonsNet: [0, 0] },
 *   baskets: null, splitBaskets: null, customers: null,
 * };
 * const filter = { from: "2024-03-02" };
 * const comparison = cubeComparison(cube, filter, cubeFigures(cube, filter));
 * const books = comparison.groups.category[0];
 * if (books.previous !== 100 || books.previousDifference !== 10) throw new Error();
 * ```
 */
export function cubeComparison(
  cube: SalesCube,
  filter: CubeFilter,
  current: SalesFigures,
  options: CubeFiguresOptions = {},
): SalesComparison {
  const selection = cubeSelection(cube, filter);
  const periods = comparisonPeriods(
    current.headline.period,
    selection.firstDayAnyDate,
  );
  const within = (period: SalesPeriod | null): CubeFilter | null =>
    period && {
      ...filter,
      from: firstStartWithin(period.from, cube),
      to: period.to,
    };
  const previous = within(periods.previous);
  const yearAgo = within(periods.yearAgo);
  return salesComparison({
    current,
    periods,
    previous: previous && cubeFigures(cube, previous, options),
    yearAgo: yearAgo && cubeFigures(cube, yearAgo, options),
    buyers: cube.customerSales
      ? {
        current: buyerTotals(cube, filter)!,
        previous: previous && buyerTotals(cube, previous),
        yearAgo: yearAgo && buyerTotals(cube, yearAgo),
      }
      : null,
  });
}

/**
 * Net sales of the cells `filter` keeps by buyer (see `BUYERS`): on a
 * customer's first purchase day, by returning customers, without a
 * customer id (listed only when there are such sales); null when the cube
 * cannot tell.
 */
export function buyerTotals(
  cube: SalesCube,
  filter: CubeFilter,
): GroupTotals | null {
  const split = cube.customerSales;
  if (!split) return null;
  const { cells } = cubeSelection(cube, filter);
  let net = 0, fresh = 0, anonymous = 0;
  for (let i = 0; i < cells.length; i++) {
    if (!cells[i]) continue;
    net += cube.cells.net[i];
    fresh += split.newNet[i];
    anonymous += split.anonymousNet[i];
  }
  const out = new Map<string, number>([
    [BUYERS.new, fresh],
    [BUYERS.returning, net - fresh - anonymous],
  ]);
  if (anonymous !== 0) out.set(BUYERS.anonymous, anonymous);
  return out;
}

/** The first day of the cube's first period starting on or after `date`. */
function firstStartWithin(date: string, cube: SalesCube): string {
  const start = periodStart(date, cube.grain);
  return start === date ? date : nextPeriodStart(start, cube.grain);
}
