/**
 * The pure half of `salesHeadline`: headline figures from the sums of the
 * selected lines, and the comparison with the previous period. Free of
 * DuckDB, so that the report's page can run it on its cube.
 *
 * @module
 */
import { relativeChange } from "./relative_change.ts";
import type {
  HeadlineChange,
  HeadlineFigures,
  SalesHeadline,
} from "../../analysis/sales/sales_headline.ts";
import type { SalesPeriod } from "../../analysis/sales/sales_period.ts";

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
  /** Distinct transaction ids (0 when no line has one); null when unknown. */
  transactions: number | null;
  /** Sum of the amounts of the lines with a transaction id, or null. */
  transactionSales: number | null;
  /** Distinct stores. */
  stores: number;
  /** Distinct customer ids; null when they cannot be counted. */
  customers: number | null;
}

/**
 * Headline figures from sums: missing sums read as 0, the return rate is 0
 * without gross sales, transactions and the average basket are null when no
 * line has a transaction id.
 *
 * @example
 * ```ts
 * import { headlineFiguresFromSums } from "./headline_from_sums.ts";
 * const figures = headlineFiguresFromSums({ total: 20, gross: 30, returned: 10,
 *   lines: 2, returnLines: 1, transactions: 2, transactionSales: 20, stores: 1,
 *   customers: 1 });
 * if (figures.averageBasket !== 10) throw new Error("expected 20 / 2");
 * ```
 */
export function headlineFiguresFromSums(sums: HeadlineSums): HeadlineFigures {
  const gross = sums.gross ?? 0;
  const returned = sums.returned ?? 0;
  const transactions = sums.transactions ? sums.transactions : null;
  return {
    totalSales: sums.total ?? 0,
    grossSales: gross,
    returnsValue: returned,
    returnRate: gross > 0 ? returned / gross : 0,
    saleLines: sums.lines,
    returnLines: sums.returnLines,
    transactions,
    averageBasket: transactions === null
      ? null
      : (sums.transactionSales ?? 0) / transactions,
    stores: sums.stores,
    customers: sums.customers,
  };
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
    averageBasket: relativeChange(
      current.averageBasket,
      previous.averageBasket,
    ),
    customers: relativeChange(current.customers, previous.customers),
  };
  return { ...current, period, previousPeriod, previous, change };
}
