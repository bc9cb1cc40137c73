/**
 * The page's engine: the sums of a filter's selection of the report's cube,
 * finished by `salesFiguresFromSums` (the definition of every figure), so
 * that the page recomputes each figure under any filter, offline and
 * without the sale lines. The SQL analyses (`salesSums`) are the other
 * engine, for the notebooks and the command line; both only sum, and
 * tests/figures/sales/cube_figures_test.ts checks that their sums agree.
 *
 * @module
 */
import { FUEL_CATEGORY } from "../../model/schema.ts";
import { dateOfDay, dayNumber, isoWeekStart } from "../../model/calendar.ts";
import {
  type CubeFilter,
  cubeSelection,
  nextPeriodStart,
  periodStart,
} from "./cube_selection.ts";
import { cubeHeadlineSums } from "./cube_headline_sums.ts";
import { coveredDays, type DayTotals, MAX_GAP_DAYS } from "./day_totals.ts";
import type { FuelSums } from "./fuel_figures.ts";
import type { GroupSums, StoreTotals } from "./grouped_totals.ts";
import type { CubeGrain, SalesCube } from "./sales_cube.ts";
import type { SalesPeriod } from "./period_bounds.ts";
import {
  type SalesFigures,
  salesFiguresFromSums,
  type SalesFiguresFromSumsOptions,
  type SalesSums,
} from "./sales_figures_from_sums.ts";

export type { CubeFilter } from "./cube_selection.ts";

/** Options for {@linkcode cubeFigures}. */
export type CubeFiguresOptions = SalesFiguresFromSumsOptions;

/**
 * Every sales figure of the report for one filter, computed from the
 * report's cube (see `salesCube`) instead of the sale lines: what the page
 * shows when its reader filters. Pure, synchronous and free of DuckDB, Deno
 * and Node, so that it runs in the browser. It only sums the kept cells
 * (see {@linkcode cubeSums}); `salesFiguresFromSums` computes the figures,
 * as it does for `salesFigures`.
 *
 * At day grain it gives the same figures as `salesFigures(data, filter)`
 * (segments and clusters standing for the ids of their customers), with
 * these exceptions, as docs/report.md explains:
 * - `headline.customers` (and its previous value and change) is null unless
 *   the filter restricts nothing but categories, segments and clusters with
 *   dates covering all the data, or keeps no line at all: the cube counts
 *   customers by segment, cluster and categories only, since distinct
 *   customers do not add up over days or stores.
 * - `bySubCategory` is empty: the cube has no sub-category dimension.
 * - transactions and the average basket are null when the data has more
 *   than 30 categories (the cube then has no basket counts).
 * - a store's city is its city over all its lines, not only the kept ones.
 * - a list value "(none)" keeps the lines without that value (no region,
 *   no segment...), where the SQL analyses keep no line.
 * A cube built with a filter or `asOf` acts as `salesFigures` given them
 * too (the filter combined with `filter`), apart from the previous period
 * of a cube whose filter has a `from`: the lines before it are not in the
 * cube, so its previous period, which lies before, is never covered.
 *
 * At a week or month grain (a cube that had to be coarsened to fit its
 * budget), a cell is a whole period, so these figures are coarser: date
 * bounds snap outward to whole periods; `daily` has one row per period
 * (dated on its first day in the period, `movingAverage` being the
 * period's mean per day); a week counts in the month of its first day and
 * a month in the ISO week of its first day (weekly, monthly, month of year,
 * month × category grid, weekly fuel prices); `weekday` and
 * `weekdayWeekGrid` are empty; a store's trading days are all the days of
 * the periods in which it has lines; the previous period holds the periods
 * starting within it.
 *
 * Throws a `RangeError` for a date that is not `YYYY-MM-DD` or a `topN`
 * that is not a positive whole number.
 *
 * @example
 * ```ts
 * import { cubeFigures } from "./cube_figures.ts";
 * const cube = {
 *   grain: "day" as const, from: "2024-03-01", to: "2024-03-01",
 *   bounds: { dataFrom: "2024-03-01", dataTo: "2024-03-01", from: null, to: null },
 *   dims: { period: ["2024-03-01"], store: ["S1"], region: ["North"],
 *     channel: ["Shop"], department: ["(none)"], category: ["Books", "Toys"],
 *     fuelType: ["(none)"], segment: ["(none)"], cluster: ["(none)"] },
 *   storeCity: ["Leeds"],
 *   cells: { length: 2, period: [0, 0], store: [0, 0], region: [0, 0],
 *     channel: [0, 0], department: [0, 0], category: [0, 1], fuelType: [0, 0],
 *     segment: [0, 0], cluster: [0, 0], net: [30, 10], gross: [30, 10],
 *     returns: [0, 0], lines: [1, 1], returnLines: [0, 0], quantity: [1, 1],
 *     gallons: [0, 0], basketGross: [30, 10], gallonsNet: [0, 0] },
 *   baskets: { length: 2, period: [0, 0], store: [0, 0], region: [0, 0],
 *     channel: [0, 0], segment: [0, 0], cluster: [0, 0], mask: [1, 3],
 *     returnMask: [0, 0], count: [1, 1] },
 *   splitBaskets: { length: 0, transaction: [], period: [], store: [],
 *     region: [], channel: [], segment: [], cluster: [], mask: [],
 *     returnMask: [] },
 *   customers: null,
 * };
 * const books = cubeFigures(cube, { categories: ["Books"] });
 * if (books.headline.totalSales !== 30 || books.headline.transactions !== 2) {
 *   throw new Error("expected both baskets to hold books");
 * }
 * ```
 */
export function cubeFigures(
  cube: SalesCube,
  filter: CubeFilter = {},
  options: CubeFiguresOptions = {},
): SalesFigures {
  return salesFiguresFromSums(cubeSums(cube, filter), options);
}

/**
 * The sums of the cells of `cube` that `filter` keeps, as
 * `salesFiguresFromSums` takes them: what `salesSums` gives for the lines.
 * Throws a `RangeError` for a date that is not `YYYY-MM-DD`.
 */
export function cubeSums(cube: SalesCube, filter: CubeFilter = {}): SalesSums {
  const selection = cubeSelection(cube, filter);
  const { period } = selection;
  const headline = cubeHeadlineSums(cube, selection);
  const { cells, dims, grain } = cube;
  const nPeriods = dims.period.length;
  const nCategories = dims.category.length;
  const day = grain === "day";

  // Where each period of the cube lands in the covered period: its first
  // day there (the period's own day at day grain) and its days there.
  const entryDate: string[] = new Array(nPeriods).fill("");
  const entryDays = new Int32Array(nPeriods);
  if (period) {
    const from = dayNumber(period.from);
    const to = dayNumber(period.to);
    for (let p = 0; p < nPeriods; p++) {
      const first = Math.max(selection.startDay[p], from);
      const last = Math.min(selection.endDay[p], to);
      if (first > last) continue;
      entryDate[p] = dateOfDay(first);
      entryDays[p] = last - first + 1;
    }
  }
  const weekOf = entryDate.map((d) => d && isoWeekStart(d));
  const monthIndex = new Map<string, number>();
  const monthOf = Int32Array.from(entryDate, (d) => {
    const month = d.slice(0, 7);
    if (d && !monthIndex.has(month)) monthIndex.set(month, monthIndex.size);
    return monthIndex.get(month) ?? -1;
  });
  const months = [...monthIndex.keys()];

  const periodNet = new Float64Array(nPeriods);
  const periodLines = new Float64Array(nPeriods);
  const storeNet = new Float64Array(dims.store.length);
  const storeDays = new Float64Array(dims.store.length);
  // Whether a store has a kept cell in a period, by store × period.
  const storePeriods: Record<number, number> =
    dims.store.length * nPeriods <= 1 << 24
      ? new Uint8Array(dims.store.length * nPeriods)
      : {};
  const byDepartment = groupSums(dims.department.length);
  const byCategory = groupSums(nCategories);
  const byChannel = groupSums(dims.channel.length);
  const byChannelCategory = groupSums(dims.channel.length * nCategories);
  const byRegionCategory = groupSums(dims.region.length * nCategories);
  const monthCategory = groupSums(months.length * nCategories);
  const fuel = new Map<string, FuelSums>();
  const weeklyFuel = new Map<string, FuelSums & { weekStart: string }>();
  const fuelCategory = dims.category.indexOf(FUEL_CATEGORY);

  for (let i = 0; i < cells.length; i++) {
    if (!selection.cells[i]) continue;
    const p = cells.period[i];
    const s = cells.store[i];
    const c = cells.category[i];
    const net = cells.net[i];
    periodNet[p] += net;
    periodLines[p] += cells.lines[i];
    storeNet[s] += net;
    const storePeriod = s * nPeriods + p;
    if (!storePeriods[storePeriod]) {
      storePeriods[storePeriod] = 1;
      storeDays[s] += entryDays[p];
    }
    byDepartment.add(cells.department[i], cube, i);
    byCategory.add(c, cube, i);
    byChannel.add(cells.channel[i], cube, i);
    byChannelCategory.add(cells.channel[i] * nCategories + c, cube, i);
    byRegionCategory.add(cells.region[i] * nCategories + c, cube, i);
    monthCategory.add(monthOf[p] * nCategories + c, cube, i);
    if (c === fuelCategory) {
      const fuelType = dims.fuelType[cells.fuelType[i]];
      addFuel(fuel, fuelType, { fuelType }, cube, i);
      addFuel(
        weeklyFuel,
        `${weekOf[p]} ${fuelType}`,
        {
          fuelType,
          weekStart: weekOf[p],
        },
        cube,
        i,
      );
    }
  }

  const entries: DayTotals[] = [];
  if (period && day) {
    const totals: DayTotals[] = [];
    for (let p = 0; p < nPeriods; p++) {
      if (periodLines[p] > 0) {
        totals.push({
          date: dims.period[p],
          totalSales: periodNet[p],
          saleLines: periodLines[p],
        });
      }
    }
    entries.push(...coveredDays(period, totals));
  } else if (period) {
    entries.push(
      ...coveredPeriods(period, grain, dims.period, periodNet, periodLines),
    );
  }

  const stores: StoreTotals[] = [];
  for (let s = 0; s < dims.store.length; s++) {
    if (storeDays[s] === 0) continue; // the store has no kept cell
    stores.push({
      store: dims.store[s],
      city: cube.storeCity[s],
      totalSales: storeNet[s],
      tradingDays: storeDays[s],
    });
  }
  return {
    grain,
    headline,
    stores,
    byDepartment: byDepartment.rows((k) => ({
      department: dims.department[k],
    })),
    byCategory: byCategory.rows((k) => ({ category: dims.category[k] })),
    bySubCategory: [],
    byChannel: byChannel.rows((k) => ({ channel: dims.channel[k] })),
    byChannelCategory: byChannelCategory.rows((k) => ({
      channel: dims.channel[Math.floor(k / nCategories)],
      category: dims.category[k % nCategories],
    })),
    byRegionCategory: byRegionCategory.rows((k) => ({
      region: dims.region[Math.floor(k / nCategories)],
      category: dims.category[k % nCategories],
    })),
    days: entries,
    monthCategory: monthCategory.rows((k) => ({
      month: months[Math.floor(k / nCategories)],
      category: dims.category[k % nCategories],
    })),
    fuel: [...fuel.values()],
    weeklyFuel: [...weeklyFuel.values()],
  };
}

/**
 * One entry per `grain` period of `period` (dated on its first day in the
 * period), with the sums of the cube's period of that start or zeros, as
 * `coveredDays` lists days: a run of periods without lines longer than
 * `MAX_GAP_DAYS` days is left out, the entry after it carrying the days
 * left out in `gapBefore`; so the work follows the periods with lines.
 */
function coveredPeriods(
  period: SalesPeriod,
  grain: CubeGrain,
  starts: readonly string[],
  net: Float64Array,
  lines: Float64Array,
): DayTotals[] {
  const entries: DayTotals[] = [];
  const entry = (start: string, p: number | undefined, gap: number) => {
    const date = start < period.from ? period.from : start;
    const end = nextPeriodStart(start, grain);
    const last = end <= period.to ? dayNumber(end) - 1 : dayNumber(period.to);
    entries.push({
      date,
      totalSales: p === undefined ? 0 : net[p],
      saleLines: p === undefined ? 0 : lines[p],
      days: last - dayNumber(date) + 1,
      ...(gap ? { gapBefore: gap } : {}),
    });
  };
  const from = dayNumber(period.from);
  const to = dayNumber(period.to);
  let cursor = periodStart(period.from, grain);
  // Periods without lines from `cursor` up to `until` (a period start, or
  // the day after the period): listed, or left out when too long.
  const zeros = (until: string) => {
    const gap = Math.min(dayNumber(until), to + 1) -
      Math.max(dayNumber(cursor), from);
    if (gap > MAX_GAP_DAYS) {
      cursor = until;
      return gap;
    }
    for (; cursor < until; cursor = nextPeriodStart(cursor, grain)) {
      if (cursor <= period.to) entry(cursor, undefined, 0);
    }
    return 0;
  };
  for (let p = 0; p < starts.length; p++) {
    const start = starts[p];
    if (
      lines[p] === 0 || start < cursor || start > period.to
    ) continue;
    const gap = zeros(start);
    entry(start, p, gap);
    cursor = nextPeriodStart(start, grain);
  }
  const gap = zeros(nextPeriodStart(periodStart(period.to, grain), grain));
  if (gap && entries.length) entries[entries.length - 1].gapAfter = gap;
  return entries;
}

/** Sums of the grouped tables, by a group index. */
function groupSums(size: number) {
  const net = new Float64Array(size);
  const gross = new Float64Array(size);
  const returns = new Float64Array(size);
  const lines = new Float64Array(size);
  const quantity = new Float64Array(size);
  return {
    add(k: number, cube: SalesCube, i: number) {
      net[k] += cube.cells.net[i];
      gross[k] += cube.cells.gross[i];
      returns[k] += cube.cells.returns[i];
      lines[k] += cube.cells.lines[i];
      quantity[k] += cube.cells.quantity[i];
    },
    rows<R extends Record<string, string>>(keyOf: (k: number) => R) {
      const out: (R & GroupSums)[] = [];
      for (let k = 0; k < size; k++) {
        if (lines[k] === 0) continue;
        out.push({
          ...keyOf(k),
          totalSales: net[k],
          grossSales: gross[k],
          returnsValue: returns[k],
          saleLines: lines[k],
          quantity: quantity[k],
        });
      }
      return out;
    },
  };
}

function addFuel<T extends FuelSums>(
  sums: Map<string, T>,
  key: string,
  fields: Omit<T, "revenue" | "pricedRevenue" | "gallons" | "lines">,
  cube: SalesCube,
  i: number,
): void {
  const row = sums.get(key) ??
    {
      ...fields,
      revenue: 0,
      pricedRevenue: 0,
      gallons: 0,
      lines: 0,
    } as T;
  row.revenue += cube.cells.net[i];
  row.pricedRevenue = (row.pricedRevenue ?? 0) + cube.cells.gallonsNet[i];
  row.gallons = (row.gallons ?? 0) + cube.cells.gallons[i];
  row.lines += cube.cells.lines[i];
  sums.set(key, row);
}
