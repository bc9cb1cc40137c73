/**
 * "What changed": the few facts a store manager reads first, computed from
 * a selection's figures and their comparison (see `salesComparison`), as
 * values; the report words them. Pure and deterministic, so that the page
 * recomputes them under its filters.
 *
 * @module
 */
import { NONE_LABEL } from "../../model/none_label.ts";
import type { SalesPeriod } from "./period_bounds.ts";
import {
  BUYERS,
  type ComparedGroup,
  type FigureChange,
  type GroupChange,
  type SalesComparison,
} from "./sales_comparison.ts";
import type { SalesFigures } from "./sales_figures_from_sums.ts";

/** Shares of net sales by buyer (see `BUYERS`). */
export interface BuyerShares {
  newShare: number;
  returningShare: number;
  anonymousShare: number;
}

/** Which earlier period a takeaway compares with. */
export type ComparisonBasis = "previous" | "yearAgo";

/** The group of one dimension whose net sales moved most. */
export interface Mover {
  dimension: Exclude<ComparedGroup, "channel" | "buyer">;
  /** The group's name. */
  key: string;
  totalSales: number;
  /** Net sales then. */
  earlier: number;
  /** `totalSales - earlier`. */
  difference: number;
  /** As a fraction of `earlier`; null when that is 0. */
  change: number | null;
}

/** One sentence of "What changed", as values; `anchor` is the id of the chart or table it refers to. */
export type Takeaway =
  | {
    /** Neither earlier period is covered by the data. */
    kind: "no-earlier-data";
    anchor: string;
    totalSales: number;
    period: SalesPeriod | null;
  }
  | {
    /** The category, store or region that moved most (by money). */
    kind: "mover";
    anchor: string;
    basis: ComparisonBasis;
    mover: Mover;
  }
  | {
    /** Without a comparison: the category that sold most. */
    kind: "top-category";
    anchor: string;
    category: string;
    totalSales: number;
    share: number;
  }
  | {
    /** Shares of net sales from new and from returning customers. */
    kind: "buyers";
    anchor: string;
    /** Net sales on customers' first purchase days, as a share of net sales. */
    newShare: number;
    /** Net sales of returning customers, as a share of net sales. */
    returningShare: number;
    /** Net sales of lines without a customer id, as a share of net sales. */
    anonymousShare: number;
    basis: ComparisonBasis | null;
    /** The shares then; null without a comparison or earlier net sales. */
    earlier: BuyerShares | null;
  }
  | {
    kind: "returns";
    anchor: string;
    /** Returns as a fraction of gross sales. */
    returnRate: number;
    basis: ComparisonBasis | null;
    /** Its change, `difference` in fractions (0.01 = one percentage point); null without a comparison. */
    change: FigureChange | null;
  };

/** The anchors of the charts and tables the sentences link to. */
export const TAKEAWAY_ANCHORS = {
  weekly: "chart-weekly",
  category: "chart-categories",
  store: "chart-stores",
  region: "table-regions",
  buyer: "table-buyers",
  returns: "headline",
} as const;

/**
 * Up to five takeaways, in this order: the category, store and region
 * whose net sales moved most in money against the previous period (else
 * against a year before), each only when its dimension has two named
 * groups or more (ties go to the first name); the returns rate and its
 * change; the shares of net sales from new and returning customers, then
 * and now, when the comparison has them and net sales are above zero.
 * Without a period to compare with: that the data holds none, the category
 * that sold most, the returns rate and the customers' shares. "(none)"
 * groups (lines without the value) are no movers. RFM segments are not
 * compared: they are scored once, at the as-of date, so that their sales
 * in earlier periods measure the scoring, not a change.
 *
 * @example
 * ```ts
 * import { whatChanged } from "./what_changed.ts";
 * import { salesComparison } from "./sales_comparison.ts";
 * import { salesFiguresFromSums } from "./sales_figures_from_sums.ts";
 * const current = salesFiguresFromSums({
 *   grain: "day",
 *   headline: { period: { from: "2024-03-01", to: "2024-03-01", days: 1 },
 *     current: { total: 90, gross: 100, returned: 10, lines: 2, returnLines: 1,
 *       transactions: 1, returnTransactions: 1, purchaseSales: 100,
 *       stores: 1, customers: 1 }, previousPeriod: null, previous: null },
 *   stores: [], byDepartment: [], byCategory: [], bySubCategory: [],
 *   byChannel: [], byChannelCategory: [], byRegionCategory: [], days: [],
 *   monthCategory: [], fuel: [], weeklyFuel: [],
 * });
 * const comparison = salesComparison({ current,
 *   periods: { previous: null, yearAgo: null }, previous: null,
 *   yearAgo: null, buyers: null });
 * const kinds = whatChanged(current, comparison).map((t) => t.kind);
 * if (kinds.join() !== "no-earlier-data,returns") throw new Error(kinds.join());
 * ```
 */
export function whatChanged(
  figures: SalesFigures,
  comparison: SalesComparison,
): Takeaway[] {
  const headline = figures.headline;
  const basis: ComparisonBasis | null = comparison.previousPeriod
    ? "previous"
    : comparison.yearAgoPeriod
    ? "yearAgo"
    : null;
  const out: Takeaway[] = [];
  if (basis) {
    for (
      const dimension of ["category", "store", "region"] as const
    ) {
      const mover = largestMover(
        comparison.groups[dimension],
        basis,
        dimension,
      );
      if (mover) {
        out.push({
          kind: "mover",
          anchor: TAKEAWAY_ANCHORS[dimension],
          basis,
          mover,
        });
      }
    }
  } else {
    out.push({
      kind: "no-earlier-data",
      anchor: TAKEAWAY_ANCHORS.weekly,
      totalSales: headline.totalSales,
      period: headline.period,
    });
    const top = [...figures.byCategory]
      .filter((r) => r.category !== NONE_LABEL)
      .sort((a, b) =>
        b.totalSales - a.totalSales || compareNames(a.category, b.category)
      )[0];
    if (top && figures.byCategory.length > 1) {
      out.push({
        kind: "top-category",
        anchor: TAKEAWAY_ANCHORS.category,
        category: top.category,
        totalSales: top.totalSales,
        share: top.share,
      });
    }
  }
  out.push({
    kind: "returns",
    anchor: TAKEAWAY_ANCHORS.returns,
    returnRate: headline.returnRate,
    basis,
    change: basis ? comparison.headline.returnRate[basis] : null,
  });
  const buyers = buyerShares(comparison.groups.buyer, null);
  if (buyers) {
    out.push({
      kind: "buyers",
      anchor: TAKEAWAY_ANCHORS.buyer,
      ...buyers,
      basis,
      earlier: basis ? buyerShares(comparison.groups.buyer, basis) : null,
    });
  }
  return out;
}

/**
 * The group whose net sales moved most in money against `basis`; null when
 * the dimension has fewer than two named groups or nothing moved.
 */
export function largestMover(
  groups: readonly GroupChange[],
  basis: ComparisonBasis,
  dimension: Mover["dimension"],
): Mover | null {
  const named = groups.filter((g) => g.key !== NONE_LABEL);
  if (named.length < 2) return null;
  let best: Mover | null = null;
  for (const group of named) {
    const earlier = basis === "previous" ? group.previous : group.yearAgo;
    if (earlier === null) continue;
    const difference = group.totalSales - earlier;
    if (
      !best || Math.abs(difference) > Math.abs(best.difference) ||
      (Math.abs(difference) === Math.abs(best.difference) &&
        compareNames(group.key, best.key) < 0)
    ) {
      best = {
        dimension,
        key: group.key,
        totalSales: group.totalSales,
        earlier,
        difference,
        change: basis === "previous"
          ? group.previousChange
          : group.yearAgoChange,
      };
    }
  }
  return best && best.difference !== 0 ? best : null;
}

/**
 * The shares of net sales from new and returning customers, now (`basis`
 * null) or then; null when net sales are not above zero or not known.
 */
export function buyerShares(
  groups: readonly GroupChange[],
  basis: ComparisonBasis | null,
): BuyerShares | null {
  if (!groups.length) return null;
  const value = (g: GroupChange) =>
    basis === null
      ? g.totalSales
      : basis === "previous"
      ? g.previous
      : g.yearAgo;
  let total = 0;
  for (const g of groups) {
    const v = value(g);
    if (v === null) return null;
    total += v;
  }
  if (!(total > 0)) return null;
  const of = (key: string) => {
    const group = groups.find((g) => g.key === key);
    return group ? value(group)! / total : 0;
  };
  return {
    newShare: of(BUYERS.new),
    returningShare: of(BUYERS.returning),
    anonymousShare: of(BUYERS.anonymous),
  };
}

function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
