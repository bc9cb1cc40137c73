import { type Dataset, queryRows } from "../../source/dataset.ts";
import {
  type GroupSums,
  salesTotalsFromSums,
} from "../../figures/sales/grouped_totals.ts";
import { labelled } from "../../model/none_label.ts";
import { salesCondition, type SalesOptions } from "./sales_options.ts";
import type { SalesTotals } from "../../figures/sales/grouped_totals.ts";

export type { SalesTotals } from "../../figures/sales/grouped_totals.ts";

export { compareKeys } from "../../figures/sales/grouped_totals.ts";

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
  return salesTotalsFromSums(
    await salesGroupSums(data, columns, options, what),
    columns,
  );
}

/**
 * The sums {@linkcode salesTotals} follows from: net and gross sales,
 * returns, lines and quantity of the selected lines by the given columns
 * (NULLs labelled "(none)"), ordered by those columns (so that sums of
 * them come out the same on every run).
 */
export async function salesGroupSums<K extends string>(
  data: Dataset,
  columns: readonly K[],
  options: SalesOptions,
  what: string,
): Promise<(Record<K, string> & GroupSums)[]> {
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
     GROUP BY ${columns.map((_, i) => i + 1).join(", ")} ORDER BY ${
      columns.map((_, i) => i + 1).join(", ")
    }`,
    where.params,
  );
  return rows.map((row) => {
    const group: Record<string, string | number> = {};
    for (const column of columns) group[column] = row[column] as string;
    group.totalSales = row.total as number;
    group.grossSales = row.gross as number;
    group.returnsValue = row.returned as number;
    group.saleLines = row.lines as number;
    group.quantity = row.quantity as number;
    return group as Record<K, string> & GroupSums;
  });
}
