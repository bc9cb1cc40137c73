import {
  type BasketFigures,
  type BasketLevel,
  type BasketLevelFigures,
  LEVEL_NOUNS,
} from "../../figures/baskets/basket_figures.ts";
import type { CustomerTable } from "../segments/customer_table.ts";
import { withCustomerTable } from "../segments/with_customer_table.ts";
import { type Dataset, queryRows } from "../../source/dataset.ts";
import {
  type BasketSelection,
  createBasketItems,
  createBasketTransactions,
  dropBasketTables,
} from "./basket_lines.ts";
import { basketPairs } from "./basket_pairs.ts";
import { basketTriples, tripleCount } from "./basket_triples.ts";

/** Options for {@linkcode basketAnalysis}. */
export interface BasketAnalysisOptions extends BasketSelection {
  /**
   * The customer table holding each customer's RFM segment and cluster
   * ("(none)": no cluster), for the per-group pairs (see
   * uploadCustomerTable). Without it, only all baskets are paired.
   */
  customers?: CustomerTable | null | undefined;
  /** Pairs (and triples) listed per group. Default 10. */
  top?: number;
  /**
   * The fewest baskets a pair or triple must be in to be listed. Default
   * the larger of 3 and one in a thousand of the level's baskets.
   */
  minCount?: number;
  /** Triples are listed only when the baskets hold at most this many. Default 5,000,000. */
  maxTriples?: number;
}

/** The default of {@linkcode BasketAnalysisOptions.maxTriples}. */
export const MAX_TRIPLES = 5_000_000;

/**
 * What sells together: for each level the data has (categories,
 * sub-categories, products: those with two values or more), the pairs of
 * items bought in the same transaction with their support, confidence and
 * lift, among all baskets, per RFM segment and per cluster, and the
 * triples among all baskets when they are cheap to count. All in SQL.
 */
export async function basketAnalysis(
  data: Dataset,
  options: BasketAnalysisOptions = {},
): Promise<BasketFigures> {
  const selection: BasketSelection = {
    ...(options.filter ? { filter: options.filter } : {}),
    ...(options.asOf ? { asOf: options.asOf } : {}),
  };
  try {
    await withCustomerTable(
      data,
      options.customers,
      (customers) => createBasketTransactions(data, selection, customers),
    );
    const [tx] = await queryRows<
      { transactions: number; multi: number; ids: number }
    >(
      data,
      `SELECT count(*)::INTEGER AS transactions,
        count(*) FILTER (WHERE "lines" >= 2)::INTEGER AS multi,
        (SELECT count(transaction_id) FROM sales)::INTEGER AS ids
      FROM basket_tx`,
    );
    const note = tx.ids === 0
      ? "The data has no transaction ids, so there is no basket to analyse."
      : tx.transactions === 0
      ? "No transaction holds a sale, so there is no basket to analyse."
      : tx.multi === 0
      ? "Each transaction holds one sale line, so there is no basket to analyse: nothing is bought together."
      : null;
    const levels: BasketLevelFigures[] = [];
    if (note === null) {
      for (const level of await basketLevels(data)) {
        levels.push(await levelFigures(data, level, selection, options));
      }
    }
    return {
      transactions: tx.transactions,
      multiLineTransactions: tx.multi,
      note,
      levels,
    };
  } finally {
    await dropBasketTables(data);
  }
}

/**
 * The levels the data can be read at: those of category, sub-category
 * and product with two distinct values or more (a file without categories
 * has only "Uncategorised").
 */
async function basketLevels(data: Dataset): Promise<BasketLevel[]> {
  const [row] = await queryRows<
    { category: number; sub: number; product: number }
  >(
    data,
    `SELECT count(DISTINCT category)::INTEGER AS category,
      count(DISTINCT category || '/' || sub_category)::INTEGER AS sub,
      count(DISTINCT product)::INTEGER AS product FROM sales`,
  );
  return (["category", "sub_category", "product"] as const).filter((level) =>
    (level === "category"
      ? row.category
      : level === "sub_category"
      ? row.sub
      : row.product) >= 2
  );
}

async function levelFigures(
  data: Dataset,
  level: BasketLevel,
  selection: BasketSelection,
  options: BasketAnalysisOptions,
): Promise<BasketLevelFigures> {
  await createBasketItems(data, level, selection);
  const [size] = await queryRows<{ baskets: number; items: number }>(
    data,
    "SELECT count(DISTINCT tx)::INTEGER AS baskets, count(DISTINCT item)::INTEGER AS items FROM basket_items",
  );
  const minCount = options.minCount ??
    Math.max(3, Math.ceil(size.baskets / 1000));
  const top = options.top ?? 10;
  const scopes = await basketPairs(data, level, { minCount, top });
  const maxTriples = options.maxTriples ?? MAX_TRIPLES;
  const triples = await tripleCount(data);
  const [, plural] = LEVEL_NOUNS[level];
  const cheap = triples > 0 && triples <= maxTriples;
  return {
    level,
    items: size.items,
    minCount,
    scopes,
    triples: cheap ? await basketTriples(data, level, { minCount, top }) : null,
    triplesNote: triples === 0
      ? `No basket holds three ${plural}.`
      : cheap
      ? null
      : `Triples of ${plural} are not listed: the baskets hold ${
        Math.round(triples).toLocaleString("en-US")
      } of them, more than the ${
        maxTriples.toLocaleString("en-US")
      } counted at most.`,
  };
}
