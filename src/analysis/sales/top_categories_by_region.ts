import type { Dataset } from "../../source/dataset.ts";
import { topCategoriesFromTotals } from "../../figures/sales/grouped_totals.ts";
import type { SalesOptions } from "./sales_options.ts";
import { salesTotals } from "./sales_totals.ts";

/** Options for {@linkcode topCategoriesByRegion}. */
export interface TopCategoriesByRegionOptions extends SalesOptions {
  /** How many categories to keep in each region. Default 2. */
  n?: number;
}

/** One of the leading categories of a region. */
export interface TopCategoryRow {
  /** The region, or "(none)" for lines without one. */
  region: string;
  /** 1 for the region's best-selling category, 2 for the next... */
  rank: number;
  category: string;
  /** The category's net sales in the region. */
  totalSales: number;
  /** The category's share of the region's net sales; 0 when those are 0. */
  share: number;
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
