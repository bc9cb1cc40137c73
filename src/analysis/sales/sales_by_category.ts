import type { Dataset } from "../../source/dataset.ts";
import type { SalesOptions } from "./sales_options.ts";
import { salesTotals } from "./sales_totals.ts";
import type { CategorySalesRow } from "../../figures/sales/grouped_totals.ts";

export type { CategorySalesRow } from "../../figures/sales/grouped_totals.ts";

/**
 * Sales by category, largest net sales first (ties by name). Lines without a
 * category form a "(none)" row, so the rows add up to the total.
 */
export function salesByCategory(
  data: Dataset,
  options: SalesOptions = {},
): Promise<CategorySalesRow[]> {
  return salesTotals(data, ["category"], options, "sales by category");
}
