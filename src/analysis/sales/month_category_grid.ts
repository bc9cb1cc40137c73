import { type Dataset, queryRows } from "../../source/dataset.ts";
import { monthCategoryGridFromTotals } from "../../figures/sales/grouped_totals.ts";
import { labelled } from "../../model/none_label.ts";
import { salesCondition, type SalesOptions } from "./sales_options.ts";
import { salesByDay } from "./sales_by_day.ts";
import type { MonthCategoryCell } from "../../figures/sales/grouped_totals.ts";

export type { MonthCategoryCell } from "../../figures/sales/grouped_totals.ts";

/**
 * A seasonality grid: net sales of every month of the period (but those
 * in a gap left out, see `coveredDays`) × every category with lines in the
 * selection, zeros included. Months in date
 * order, categories in name order within a month.
 */
export async function monthCategoryGrid(
  data: Dataset,
  options: SalesOptions = {},
): Promise<MonthCategoryCell[]> {
  const totals = await monthCategoryTotals(data, options);
  const { days } = await salesByDay(
    data,
    options,
    "the month by category grid",
  );
  return monthCategoryGridFromTotals(
    [...new Set(days.map((d) => d.date.slice(0, 7)))],
    totals,
  );
}

/**
 * The sums {@linkcode monthCategoryGrid} follows from: net sales by month
 * (`YYYY-MM`) and category, where the selection has lines.
 */
export async function monthCategoryTotals(
  data: Dataset,
  options: SalesOptions = {},
): Promise<MonthCategoryCell[]> {
  const where = salesCondition(options, "the month by category grid");
  const rows = await queryRows<
    { month: string; category: string; total: number }
  >(
    data,
    `SELECT left(CAST(date AS VARCHAR), 7) AS month, ${
      labelled("category")
    } AS category,
       sum(amount) AS total
     FROM sales ${where.sql} GROUP BY 1, 2 ORDER BY 1, 2`,
    where.params,
  );
  return rows.map((r) => ({
    month: r.month,
    category: r.category,
    totalSales: r.total,
  }));
}
