import type { Dataset } from "../../source/dataset.ts";
import { topCategoriesFromTotals } from "../../figures/sales/grouped_totals.ts";
import type { SalesOptions } from "./sales_options.ts";
import { salesTotals } from "./sales_totals.ts";
import type { TopCategoryRow } from "../../figures/sales/grouped_totals.ts";

export type { TopCategoryRow } from "../../figures/sales/grouped_totals.ts";

/** Options for {@linkcode topCategoriesByRegion}. */
export interface TopCategoriesByRegionOptions extends SalesOptions {
  /** How many categories to keep in each region. Default 2. */
  n?: number;
}

/**
 * The N best-selling categories (by net sales) of each region; ties are
 * broken by category name. Regions come in name order.
 */
export async function topCategoriesByRegion(
  data: Dataset,
  options: TopCategoriesByRegionOptions = {},
): Promise<TopCategoryRow[]> {
  const { n = 2, ...filter } = options;
  const rows = await salesTotals(
    data,
    ["region", "category"],
    filter,
    "top categories by region",
  );
  return topCategoriesFromTotals(rows, n);
}
