import type { Dataset } from "../../source/dataset.ts";
import type { SalesOptions } from "./sales_options.ts";
import { salesTotals } from "./sales_totals.ts";
import type { SubCategorySalesRow } from "../../figures/sales/grouped_totals.ts";

export type { SubCategorySalesRow } from "../../figures/sales/grouped_totals.ts";

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
