/**
 * The pure half of `salesHeadline`: headline figures from the sums of the
 * selected lines, and the comparison with the previous period. Free of
 * DuckDB, so that the report's page can run it on its cube.
 *
 * @module
 */
import type { SalesPeriod } from "./period_bounds.ts";
import { relativeChange } from "./relative_change.ts";

/** The headline figures of one period. See docs/sales.md#headline-figures. */
export interface HeadlineFigures {
  /** Net sales: the sum of every line's amount, returns subtracted. */
  totalSales: number;
  /** Sum of the positive amounts (sales before returns). */
  grossSales: number;
  /** Value returned: minus the sum of the negative amounts (a positive number). */
  returnsValue: number;
  /** `returnsValue / grossSales`; 0 when there are no gross sales. */
  returnRate: number;
  /** Number of sale lines, returns included. */
  saleLines: number;
  /** Number of return lines (amount below zero). */
  returnLines: number;
  /**
   * Purchase transactions: distinct transaction ids with at least one sale
   * line (amount above zero). Null when the selection has neither purchase
   * nor return transactions. Not additive.
   */
  transactions: number | null;
  /**
   * Return transactions: distinct transaction ids whose lines are all
   * returns (amount below zero), such as a cancellation invoice `C…`.
   * Null with `transactions`. Not additive.
   */
  returnTransactions: number | null;
  /**
   * What a customer spends per purchase: the gross sales of the purchase
   * transactions (their positive lines) over `transactions`; null when there
   * is no purchase transaction.
   */
  averageBasket: number | null;
  /** Distinct stores with at least one line. Not additive. */
  stores: number;
  /**
   * Distinct customer ids. Not additive. Always a number here; null in the
   * report's page when its filters leave it uncountable (see `cubeFigures`).
   */
  customers: number | null;
}

/** Relative change of each headline figure against the previous period. */
export interface HeadlineChange {
  totalSales: number | null;
  grossSales: number | null;
  returnsValue: number | null;
  saleLines: number | null;
  transactions: number | null;
  returnTransactions: number | null;
  averageBasket: number | null;
  customers: number | null;
}

/** What `salesHeadline` and the page's `cubeFigures` return as the headline. */
export interface SalesHeadline extends HeadlineFigures {
  /** The period covered (see `salesPeriod`); null when there is no data. */
  period: SalesPeriod | null;
  /**
   * The period of equal length just before `period`, when the data (with
   * the same non-date filters) reaches back to its first day; else null.
   */
  previousPeriod: SalesPeriod | null;
  /** The figures of `previousPeriod`, or null. */
  previous: HeadlineFigures | null;
  /** Changes as fractions of the previous figures (0.1 = +10 %), or null. */
  change: HeadlineChange | null;
}

/** Sums over a selection of lines, from which the headline figures follow. */
export interface HeadlineSums {
  /** Sum of amounts; null (or 0) when there are no lines. */
  total: number | null;
  /** Sum of the positive amounts, or null. */
  gross: number | null;
  /** Minus the sum of the negative amounts, or null. */
  returned: number | null;
  lines: number;
  returnLines: number;
  /**
   * Purchase transactions: distinct transaction ids with a line whose amount
   * is above zero (0 when there is none); null when unknown.
   */
  transactions: number | null;
  /**
   * Return transactions: distinct transaction ids with a line below zero
   * and none above (0 when there is none); null when unknown.
   */
  returnTransactions: number | null;
  /**
   * Sum of the positive amounts of the lines with a transaction id: the
   * gross sales of the purchase transactions, since a line above zero makes
   * its transaction a purchase. Null (or 0) when there are none.
   */
  purchaseSales: number | null;
  /** Distinct stores. */
  stores: number;
  /** Distinct customer ids; null when they cannot be counted. */
  customers: number | null;
}

/**
 * Headline figures from sums: missing sums read as 0, the return rate is 0
 * without gross sales; transaction counts are null when there is no
 * purchase nor return transaction, the average basket when there is no
 * purchase transaction.
 *
 * @example
 * ```ts
 * import { headlineFiguresFromSums } from "./headline_from_sums.ts";
 * const figures = headlineFiguresFromSums({ total: 20, gross: 30, returned: 10,
 *   lines: 2, returnLines: 1, transactions: 1, returnTransactions: 1,
 *   purchaseSales: 30, stores: 1, customers: 1 });
 * if (figures.averageBasket !== 30) throw new Error("expected 30 / 1");
 * ```
 */
export function headlineFiguresFromSums(sums: HeadlineSums): HeadlineFigures {
  const gross = sums.gross ?? 0;
  const returned = sums.returned ?? 0;
  const known = sums.transactions !== null && sums.returnTransactions !== null;
  const counted = known && sums.transactions! + sums.returnTransactions! > 0;
  const transactions = counted ? sums.transactions : null;
  return {
    totalSales: sums.total ?? 0,
    grossSales: gross,
    returnsValue: returned,
    returnRate: gross > 0 ? returned / gross : 0,
    saleLines: sums.lines,
    returnLines: sums.returnLines,
    transactions,
    returnTransactions: counted ? sums.returnTransactions : null,
    averageBasket: transactions
      ? (sums.purchaseSales ?? 0) / transactions
      : null,
    stores: sums.stores,
    customers: sums.customers,
  };
}

/** The sums of a headline: those of its period and of the previous one. */
export interface HeadlineSumsByPeriod {
  /** The period covered (see `salesPeriod`); null when there is no data. */
  period: SalesPeriod | null;
  /** Sums over the selected lines of `period`. */
  current: HeadlineSums;
  /**
   * The period of equal length just before `period`, when the data (with
   * the same non-date filters) reaches back to its first day; else null.
   */
  previousPeriod: SalesPeriod | null;
  /** Sums over the lines of `previousPeriod`, or null. */
  previous: HeadlineSums | null;
}

/**
 * The headline from its sums: the figures of the period and, when there is
 * a previous period, its figures and the change of each.
 *
 * @example
 * ```ts
 * import { headlineFromSums } from "./headline_from_sums.ts";
 * const sums = (total: number) => ({ total, gross: total, returned: 0,
 *   lines: 1, returnLines: 0, transactions: 1, returnTransactions: 0,
 *   purchaseSales: total,
 *   stores: 1, customers: 1 });
 * const headline = headlineFromSums({
 *   period: { from: "2024-03-02", to: "2024-03-02", days: 1 },
 *   current: sums(110),
 *   previousPeriod: { from: "2024-03-01", to: "2024-03-01", days: 1 },
 *   previous: sums(100),
 * });
 * if (Math.abs(headline.change!.totalSales! - 0.1) > 1e-12) throw new Error("expected +10 %");
 * ```
 */
export function headlineFromSums(sums: HeadlineSumsByPeriod): SalesHeadline {
  const { period, previousPeriod, previous } = sums;
  return headlineWithPrevious(
    headlineFiguresFromSums(sums.current),
    period,
    previousPeriod,
    previousPeriod && previous ? headlineFiguresFromSums(previous) : null,
  );
}

/**
 * The headline of `period`: the current figures, and, when there is a
 * previous period, its figures and the relative change of each.
 */
export function headlineWithPrevious(
  current: HeadlineFigures,
  period: SalesPeriod | null,
  previousPeriod: SalesPeriod | null,
  previous: HeadlineFigures | null,
): SalesHeadline {
  if (!previousPeriod || !previous) {
    return {
      ...current,
      period,
      previousPeriod: null,
      previous: null,
      change: null,
    };
  }
  const change: HeadlineChange = {
    totalSales: relativeChange(current.totalSales, previous.totalSales),
    grossSales: relativeChange(current.grossSales, previous.grossSales),
    returnsValue: relativeChange(current.returnsValue, previous.returnsValue),
    saleLines: relativeChange(current.saleLines, previous.saleLines),
    transactions: relativeChange(current.transactions, previous.transactions),
    returnTransactions: relativeChange(
      current.returnTransactions,
      previous.returnTransactions,
    ),
    averageBasket: relativeChange(
      current.averageBasket,
      previous.averageBasket,
    ),
    customers: relativeChange(current.customers, previous.customers),
  };
  return { ...current, period, previousPeriod, previous, change };
}
