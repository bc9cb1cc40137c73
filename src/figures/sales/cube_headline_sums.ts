import { dayNumber } from "../../model/calendar.ts";
import type { CubeSelection } from "./cube_selection.ts";
import type {
  HeadlineSums,
  HeadlineSumsByPeriod,
} from "./headline_from_sums.ts";
import { NONE_LABEL } from "../../model/none_label.ts";
import { previousPeriodCovered } from "./period_bounds.ts";
import type { BasketDimension, CubeColumns, SalesCube } from "./sales_cube.ts";
import type { SalesPeriod } from "./period_bounds.ts";

/**
 * The headline sums of a selection of the cube (see `cubeFigures`), with
 * the previous period's when the data reaches back to its first day.
 * Customers are counted only when the filter keeps whole customers (see
 * `CubeSelection.wholeCustomers`) and nothing but its date bounds, which
 * cover all the data, restricts the days; or when no line is kept (0).
 * Purchase and return transactions are null when the cube has no basket
 * counts.
 */
export function cubeHeadlineSums(
  cube: SalesCube,
  selection: CubeSelection,
): HeadlineSumsByPeriod {
  const { period } = selection;
  const current = headlineSums(
    cube,
    selection,
    selection.cells,
    selection.periods,
    true,
  );
  const previousPeriod = period
    ? previousPeriodCovered(period, selection.firstDayAnyDate)
    : null;
  if (!previousPeriod) {
    return { period, current, previousPeriod: null, previous: null };
  }
  const periods = periodsStartingWithin(selection, previousPeriod);
  const cells = selection.cellsAnyDate.map((kept, i) =>
    kept & periods[cube.cells.period[i]]
  );
  const previous = headlineSums(cube, selection, cells, periods, false);
  return { period, current, previousPeriod, previous };
}

function periodsStartingWithin(
  selection: CubeSelection,
  period: SalesPeriod,
): Uint8Array {
  const from = dayNumber(period.from);
  const to = dayNumber(period.to);
  return Uint8Array.from(
    selection.startDay,
    (start) => Number(start >= from && start <= to),
  );
}

/**
 * Headline sums over the `cells` kept, transactions over the `periods`
 * kept; customers only when `allDates` and the filter keeps whole customers.
 */
function headlineSums(
  cube: SalesCube,
  selection: CubeSelection,
  cells: Uint8Array,
  periods: Uint8Array,
  allDates: boolean,
): HeadlineSums {
  const c = cube.cells;
  let total = 0, gross = 0, returned = 0, lines = 0, returnLines = 0;
  let purchaseSales = 0;
  const storeSeen = new Uint8Array(cube.dims.store.length);
  for (let i = 0; i < c.length; i++) {
    if (!cells[i]) continue;
    total += c.net[i];
    gross += c.gross[i];
    returned += c.returns[i];
    lines += c.lines[i];
    returnLines += c.returnLines[i];
    purchaseSales += c.basketGross[i];
    storeSeen[c.store[i]] = 1;
  }
  let stores = 0;
  storeSeen.forEach((seen, s) => {
    if (seen && cube.dims.store[s] !== NONE_LABEL) stores++;
  });
  let customers: number | null = null;
  if (lines === 0) customers = 0;
  else if (allDates && selection.wholeCustomers) {
    customers = countCustomers(cube, selection);
  }
  const transactions = lines === 0
    ? { purchases: 0, returns: 0 }
    : countTransactions(cube, selection, periods);
  return {
    total,
    gross,
    returned,
    lines,
    returnLines,
    transactions: transactions?.purchases ?? null,
    returnTransactions: transactions?.returns ?? null,
    purchaseSales,
    stores,
    customers,
  };
}

/**
 * Purchase transactions (with a kept line above zero) and return
 * transactions (with kept lines below zero and none above); null when the
 * cube cannot tell.
 */
function countTransactions(
  cube: SalesCube,
  selection: CubeSelection,
  periods: Uint8Array,
): { purchases: number; returns: number } | null {
  const { baskets, splitBaskets } = cube;
  if (!baskets || !splitBaskets) return null;
  const { keep, categoryMask } = selection;
  const kept = (t: CubeColumns<BasketDimension, never>, i: number) =>
    periods[t.period[i]] && keep.store[t.store[i]] &&
    keep.region[t.region[i]] && keep.channel[t.channel[i]] &&
    keep.segment[t.segment[i]] && keep.cluster[t.cluster[i]];
  let purchases = 0, returns = 0;
  for (let i = 0; i < baskets.length; i++) {
    if (!kept(baskets, i)) continue;
    if (baskets.mask[i] & categoryMask) purchases += baskets.count[i];
    else if (baskets.returnMask[i] & categoryMask) returns += baskets.count[i];
  }
  // Per split transaction: 2 when a kept part has a sale line, 1 when kept
  // parts have return lines only.
  const kinds = new Map<number, number>();
  for (let i = 0; i < splitBaskets.length; i++) {
    if (!kept(splitBaskets, i)) continue;
    const kind = splitBaskets.mask[i] & categoryMask
      ? 2
      : splitBaskets.returnMask[i] & categoryMask
      ? 1
      : 0;
    const t = splitBaskets.transaction[i];
    if (kind > (kinds.get(t) ?? 0)) kinds.set(t, kind);
  }
  for (const kind of kinds.values()) {
    if (kind === 2) purchases++;
    else if (kind === 1) returns++;
  }
  return { purchases, returns };
}

/**
 * Distinct customers of the kept segments and clusters who bought a kept
 * category; null when the cube cannot tell (more than 30 categories).
 */
function countCustomers(cube: SalesCube, selection: CubeSelection) {
  const { customers } = cube;
  // No customer table: either no line has a customer id (0 customers) or
  // there are too many categories for the masks (unknown).
  if (!customers) return cube.dims.category.length <= 30 ? 0 : null;
  const { keep, categoryMask } = selection;
  let count = 0;
  for (let i = 0; i < customers.length; i++) {
    if (
      keep.segment[customers.segment[i]] &&
      keep.cluster[customers.cluster[i]] &&
      (customers.mask[i] & categoryMask) !== 0
    ) count += customers.count[i];
  }
  return count;
}
