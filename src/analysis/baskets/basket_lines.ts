import { NONE_LABEL } from "../../model/none_label.ts";
import { sqlIdentifier } from "../../model/sql_string.ts";
import type { CustomerTable } from "../segments/customer_table.ts";
import type { BasketLevel } from "../../figures/baskets/basket_figures.ts";
import type { Dataset, QueryParam } from "../../source/dataset.ts";
import { engineOf } from "../../source/duckdb_engine.ts";
import type { SqlEngine, SqlParam } from "../../source/sql_engine.ts";
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
 * lines, numbered `tx` (its id is `id`), with its number of sale lines and
 * the RFM segment and cluster of its customer in the customer table
 * `customers` (null without a customer in it, the cluster null for "no
 * cluster"; the first customer id's if it has several).
 */
export async function createBasketTransactions(
  data: Dataset,
  selection: BasketSelection,
  customers: CustomerTable,
): Promise<void> {
  const engine = engineOf(data);
  const condition = basketCondition(selection);
  // Numbered transactions: every later join is on integers, not on ids.
  await createTable(
    engine,
    "basket_tx",
    `
    WITH t AS (
      SELECT s.transaction_id AS id, count(*)::INTEGER AS "lines",
        min(s.customer_id) AS customer_id
      FROM sales s ${condition.sql}
      GROUP BY s.transaction_id
    )
    SELECT (row_number() OVER ())::INTEGER AS tx, t.id, t."lines", g.segment,
      NULLIF(g.cluster, ?) AS cluster
    FROM t LEFT JOIN ${sqlIdentifier(customers.name)} g USING (customer_id)`,
    [...condition.params, NONE_LABEL],
  );
}

/**
 * Creates, at a level: `basket_item_names` (each item numbered in the
 * order of its id, so that numbers compare as ids do), `basket_items` (the
 * distinct items of each basket, numbered), `basket_scope_names` (the
 * groups: all, each segment, each cluster, numbered `sid`) and
 * `basket_scopes` (each basket once under all, its segment and its cluster).
 */
export async function createBasketItems(
  data: Dataset,
  level: BasketLevel,
  selection: BasketSelection,
): Promise<void> {
  const engine = engineOf(data);
  const condition = basketCondition(selection);
  const item = itemSql(level);
  await createTable(
    engine,
    "basket_raw_items",
    `
    SELECT DISTINCT s.transaction_id AS id, ${item} AS name
    FROM sales s ${condition.sql} AND ${item} IS NOT NULL`,
    condition.params,
  );
  await createTable(
    engine,
    "basket_item_names",
    `
    SELECT (row_number() OVER (ORDER BY name))::INTEGER AS item, name AS id
    FROM (SELECT DISTINCT name FROM basket_raw_items) AS d`,
  );
  await createTable(
    engine,
    "basket_items",
    `
    SELECT b.tx, n.item
    FROM basket_raw_items r JOIN basket_tx b ON b.id = r.id
    JOIN basket_item_names n ON n.id = r.name`,
  );
  await engine.run("DROP TABLE basket_raw_items");
  await createTable(
    engine,
    "basket_scope_names",
    `
    SELECT (row_number() OVER (ORDER BY dimension, scope))::INTEGER AS sid, dimension, scope
    FROM (
      SELECT 'all' AS dimension, 'All baskets' AS scope
      UNION SELECT 'segment', segment FROM basket_tx WHERE segment IS NOT NULL
      UNION SELECT 'cluster', cluster FROM basket_tx WHERE cluster IS NOT NULL
    ) AS u`,
  );
  await createTable(
    engine,
    "basket_scopes",
    `
    WITH t AS (SELECT * FROM basket_tx WHERE tx IN (SELECT tx FROM basket_items))
    SELECT n.sid, t.tx FROM t JOIN basket_scope_names n ON n.dimension = 'all'
    UNION ALL SELECT n.sid, t.tx FROM t
      JOIN basket_scope_names n ON n.dimension = 'segment' AND n.scope = t.segment
    UNION ALL SELECT n.sid, t.tx FROM t
      JOIN basket_scope_names n ON n.dimension = 'cluster' AND n.scope = t.cluster`,
  );
}

/** Drops the temporary tables of the basket analysis. */
export async function dropBasketTables(data: Dataset): Promise<void> {
  for (
    const table of [
      "basket_tx",
      "basket_items",
      "basket_item_names",
      "basket_raw_items",
      "basket_scopes",
      "basket_scope_names",
      "basket_item_counts",
      "basket_pair_counts",
    ]
  ) {
    await engineOf(data).dropTempTable(table);
  }
}

/**
 * Creates (or replaces) a temporary table from a query, in the form
 * DuckDB and PostgreSQL share (no `CREATE OR REPLACE`).
 */
export async function createTable(
  engine: SqlEngine,
  name: string,
  query: string,
  params: readonly SqlParam[] = [],
): Promise<void> {
  await engine.createTempTableAs(name, query, params);
}
