import type { CustomerGroup } from "../../figures/sales/sales_cube.ts";
import type { BasketLevel } from "../../figures/baskets/basket_figures.ts";
import type { Dataset, QueryParam } from "../../source/dataset.ts";
import { type SalesFilter, salesWhere } from "../sales/sales_filter.ts";

/** Which lines make the baskets: the filter and "as of" date. */
export interface BasketSelection {
  filter?: SalesFilter;
  /** Lines after this day are left out, `YYYY-MM-DD`. */
  asOf?: string;
}

/** The SQL condition over `sales s` that selects the sale lines of baskets. */
export function basketCondition(
  selection: BasketSelection,
): { sql: string; params: QueryParam[] } {
  const to = selection.asOf &&
      (!selection.filter?.to || selection.asOf < selection.filter.to)
    ? { to: selection.asOf }
    : {};
  const where = salesWhere({ ...selection.filter, ...to }, "s");
  return {
    sql: `WHERE s.transaction_id IS NOT NULL AND s.amount > 0${
      where.sql ? ` AND ${where.sql.slice("WHERE ".length)}` : ""
    }`,
    params: where.params,
  };
}

/** The SQL expression of a line's item at a level (null when unknown). */
export function itemSql(level: BasketLevel): string {
  switch (level) {
    case "category":
      return "s.category";
    case "sub_category":
      return "CASE WHEN s.sub_category IS NOT NULL THEN s.category || ' / ' || s.sub_category END";
    case "product":
      return "s.product";
  }
}

/**
 * Creates `basket_tx`: one row per purchase transaction among the selected
 * lines, with its number of sale lines and its customer's RFM segment and
 * cluster (null without a customer; the first by name if it has several).
 */
export async function createBasketTransactions(
  data: Dataset,
  selection: BasketSelection,
  groups: readonly CustomerGroup[],
): Promise<void> {
  const { connection } = data;
  await connection.run(
    "CREATE OR REPLACE TEMP TABLE basket_groups (customer_id VARCHAR, segment VARCHAR, cluster VARCHAR)",
  );
  if (groups.length) {
    const appender = await connection.createAppender("basket_groups");
    for (const g of groups) {
      appender.appendVarchar(g.customer_id);
      appender.appendVarchar(g.segment);
      if (g.cluster === "(none)") appender.appendNull();
      else appender.appendVarchar(g.cluster);
      appender.endRow();
    }
    appender.closeSync();
  }
  const condition = basketCondition(selection);
  await connection.run(
    `CREATE OR REPLACE TEMP TABLE basket_tx AS
    SELECT s.transaction_id AS tx, count(*)::INTEGER AS "lines",
      min(g.segment) AS segment, min(g.cluster) AS cluster
    FROM sales s LEFT JOIN basket_groups g ON g.customer_id = s.customer_id
    ${condition.sql}
    GROUP BY s.transaction_id`,
    condition.params,
  );
}

/**
 * Creates `basket_items` (the distinct items of each basket at a level)
 * and `basket_scopes` (each basket once under "all", once under its
 * segment and once under its cluster).
 */
export async function createBasketItems(
  data: Dataset,
  level: BasketLevel,
  selection: BasketSelection,
): Promise<void> {
  const { connection } = data;
  const condition = basketCondition(selection);
  const item = itemSql(level);
  await connection.run(
    `CREATE OR REPLACE TEMP TABLE basket_items AS
    SELECT DISTINCT s.transaction_id AS tx, ${item} AS item
    FROM sales s ${condition.sql} AND ${item} IS NOT NULL`,
    condition.params,
  );
  await connection.run(
    `CREATE OR REPLACE TEMP TABLE basket_scopes AS
    WITH t AS (SELECT * FROM basket_tx WHERE tx IN (SELECT tx FROM basket_items))
    SELECT 'all' AS dimension, 'All baskets' AS scope, tx FROM t
    UNION ALL SELECT 'segment', segment, tx FROM t WHERE segment IS NOT NULL
    UNION ALL SELECT 'cluster', cluster, tx FROM t WHERE cluster IS NOT NULL`,
  );
}

/** Drops the temporary tables of the basket analysis. */
export async function dropBasketTables(data: Dataset): Promise<void> {
  for (
    const table of [
      "basket_groups",
      "basket_tx",
      "basket_items",
      "basket_scopes",
      "basket_item_counts",
      "basket_pair_counts",
    ]
  ) {
    await data.connection.run(`DROP TABLE IF EXISTS temp.${table}`);
  }
}
