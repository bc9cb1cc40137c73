import type { Dataset } from "../../source/dataset.ts";
import type { SalesOptions } from "./sales_options.ts";
import { type SalesTotals, salesTotals } from "./sales_totals.ts";

/** Net and gross sales, returns, lines and share of one sub-category. */
export interface SubCategorySalesRow extends SalesTotals {
  category: string;
  /** The sub-category, or "(none)"; its name is unique within `category` only. */
  sub_category: string;
}

/**
 * Sales by sub-category, grouped by (category, sub-category) since a
 * sub-category's name is unique within its category only. Largest net sales
 * first, ties by category then sub-category.
 */
export function salesBySubCategory(
  data: Dataset,
  options: SalesOptions = {},
): Promise<SubCategorySalesRow[]> {
  return salesTotals(
    data,
    ["category", "sub_category"],
    options,
    "sales by sub-category",
  );
}
