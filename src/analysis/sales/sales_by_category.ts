import type { Dataset } from "../../source/dataset.ts";
import type { SalesOptions } from "./sales_options.ts";
import { type SalesTotals, salesTotals } from "./sales_totals.ts";

/** Net and gross sales, returns, lines and share of one category. */
export interface CategorySalesRow extends SalesTotals {
  /** The category, or "(none)" for lines without one. */
  category: string;
}

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
