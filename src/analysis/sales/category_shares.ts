import type { Dataset } from "../../source/dataset.ts";
import { categorySharesFromTotals } from "../../figures/sales/grouped_totals.ts";
import type { SalesOptions } from "./sales_options.ts";
import { salesTotals } from "./sales_totals.ts";
import type { CategoryShareRow } from "../../figures/sales/grouped_totals.ts";

export type { CategoryShareRow } from "../../figures/sales/grouped_totals.ts";

/** Options for {@linkcode categoryShares}. */
export interface CategorySharesOptions extends SalesOptions {
  /** The dimension whose groups the shares are taken within. */
  within: "channel" | "region";
}

/**
 * Each category's share of net sales within each channel or region. Groups
 * come in name order, categories by descending sales (ties by name); the
 * shares of a group add up to 1.
 *
 * @example
 * ```ts
 * import { createDataset } from "../../source/dataset.ts";
 * import { categoryShares } from "./category_shares.ts";
 * const line = { date: "2024-03-01", store: "S1", city: null, region: "North",
 *   channel: "Shop", department: null, category: "Books", sub_category: null,
 *   customer_id: null, transaction_id: null, quantity: 1, amount: 30,
 *   gallons: null, fuel_type: null, fuel_price: null };
 * const data = await createDataset({ sales: [line,
 *   { ...line, category: "Toys", amount: 10 }] });
 * const [books] = await categoryShares(data, { within: "region" });
 * if (books.share !== 0.75) throw new Error("expected 75 %");
 * ```
 */
export async function categoryShares(
  data: Dataset,
  options: CategorySharesOptions,
): Promise<CategoryShareRow[]> {
  const { within, ...filter } = options;
  if (within !== "channel" && within !== "region") {
    throw new RangeError(
      `Cannot compute category shares: option "within": ${
        JSON.stringify(within)
      } is not "channel" or "region"`,
    );
  }
  const rows = await salesTotals(
    data,
    [within, "category"],
    filter,
    "category shares",
  );
  return categorySharesFromTotals(rows, within);
}
