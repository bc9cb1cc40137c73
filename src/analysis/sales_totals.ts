import { type Dataset, queryRows } from "../data/dataset.ts";
import { labelled } from "./none_label.ts";
import { salesCondition, type SalesOptions } from "./sales_options.ts";
import { compareNames } from "./compare_names.ts";

/** The sums every grouped sales table reports. */
export interface SalesTotals {
  /** Net sales: sum of amounts, returns subtracted. */
  totalSales: number;
  /** Sum of the positive amounts. */
  grossSales: number;
  /** Minus the sum of the negative amounts (a positive number). */
  returnsValue: number;
  /** Number of sale lines, returns included. */
  saleLines: number;
  /** Sum of quantities (returns subtract); 0 when no line has one. */
  quantity: number;
  /** This group's share of the net sales of all groups; 0 when they sum to 0. */
  share: number;
}

/**
 * Sums the selected lines by the given columns (NULLs labelled "(none)"),
 * largest net sales first, ties broken by the group names. Shared by the
 * `salesBy...` analyses.
 */
export async function salesTotals<K extends string>(
  data: Dataset,
  columns: readonly K[],
  options: SalesOptions,
  what: string,
): Promise<(Record<K, string> & SalesTotals)[]> {
  const where = salesCondition(options, what);
  const keys = columns.map((c) => `${labelled(c)} AS ${c}`).join(", ");
  const rows = await queryRows<Record<string, unknown>>(
    data,
    `SELECT ${keys},
       sum(amount) AS total,
       coalesce(sum(amount) FILTER (WHERE amount > 0), 0) AS gross,
       coalesce(-sum(amount) FILTER (WHERE amount < 0), 0) AS returned,
       count(*) AS lines,
       coalesce(sum(quantity), 0) AS quantity
     FROM sales ${where.sql}
     GROUP BY ALL`,
    where.params,
  );
  const all = rows.reduce((sum, row) => sum + (row.total as number), 0);
  return rows
    .map((row) => {
      const out: Record<string, string | number> = {};
      for (const column of columns) out[column] = row[column] as string;
      out.totalSales = row.total as number;
      out.grossSales = row.gross as number;
      out.returnsValue = row.returned as number;
      out.saleLines = row.lines as number;
      out.quantity = row.quantity as number;
      out.share = all === 0 ? 0 : (row.total as number) / all;
      return out as Record<K, string> & SalesTotals;
    })
    .sort((a, b) => b.totalSales - a.totalSales || compareKeys(a, b, columns));
}

/** Orders two rows by their key columns (see `compareNames`). */
export function compareKeys<K extends string>(
  a: Record<K, unknown>,
  b: Record<K, unknown>,
  columns: readonly K[],
): number {
  for (const column of columns) {
    const order = compareNames(String(a[column]), String(b[column]));
    if (order !== 0) return order;
  }
  return 0;
}
