import type {
  BasketLevel,
  BasketPair,
  BasketScope,
} from "../../figures/baskets/basket_figures.ts";
import { type Dataset, queryRows } from "../../source/dataset.ts";
import { engineOf } from "../../source/duckdb_engine.ts";
import { createTable } from "./basket_lines.ts";

/**
 * The names items show with, by item number: a product's most frequent
 * name (ties: the first by sort order), else its id. A SQL query of
 * `item, id, name` over `basket_item_names`.
 */
export function itemNamesSql(level: BasketLevel): string {
  return level === "product"
    ? `SELECT i.item, i.id, coalesce(p.name, i.id) AS name
       FROM basket_item_names i LEFT JOIN (
         SELECT product, product_name AS name, row_number() OVER (
           PARTITION BY product ORDER BY n DESC, product_name) AS r
         FROM (SELECT product, product_name, count(*) AS n FROM sales
               WHERE product IS NOT NULL AND product_name IS NOT NULL
               GROUP BY product, product_name) AS named
       ) p ON p.product = i.id AND p.r = 1`
    : "SELECT item, id, id AS name FROM basket_item_names";
}

/**
 * Counts items and pairs per group from `basket_items` and
 * `basket_scopes` (see createBasketItems) into `basket_item_counts` and
 * `basket_pair_counts`, and returns each group with its strongest pairs:
 * those in at least `minCount` baskets, by lift, then baskets, then ids.
 */
export async function basketPairs(
  data: Dataset,
  level: BasketLevel,
  options: { minCount: number; top: number },
): Promise<BasketScope[]> {
  const engine = engineOf(data);
  await createTable(
    engine,
    "basket_item_counts",
    `SELECT sc.sid, i.item, count(*)::INTEGER AS n
    FROM basket_scopes sc JOIN basket_items i USING (tx) GROUP BY sc.sid, i.item`,
  );
  // Each basket's pairs once, then counted under each of its groups.
  await createTable(
    engine,
    "basket_pair_counts",
    `WITH p AS (
      SELECT x.tx, x.item AS a, y.item AS b
      FROM basket_items x JOIN basket_items y ON x.tx = y.tx AND x.item < y.item
    )
    SELECT sc.sid, p.a, p.b, count(*)::INTEGER AS n
    FROM p JOIN basket_scopes sc USING (tx) GROUP BY sc.sid, p.a, p.b`,
  );
  const scopes = await queryRows<
    Omit<BasketScope, "pairs"> & { sid: number }
  >(
    data,
    `WITH k AS (SELECT tx, count(*) AS k FROM basket_items GROUP BY tx),
    found AS (
      SELECT sid, count(*)::INTEGER AS n FROM basket_pair_counts
      WHERE n >= ? GROUP BY sid
    ),
    sized AS (
      SELECT sc.sid, count(*)::INTEGER AS baskets,
        count(*) FILTER (WHERE k.k >= 2)::INTEGER AS "multiItemBaskets"
      FROM basket_scopes sc JOIN k USING (tx) GROUP BY sc.sid
    )
    SELECT s.sid, n.dimension, n.scope, s.baskets, s."multiItemBaskets",
      coalesce(f.n, 0)::INTEGER AS "pairsFound"
    FROM sized s JOIN basket_scope_names n USING (sid) LEFT JOIN found f USING (sid)
    ORDER BY CASE n.dimension WHEN 'all' THEN 0 WHEN 'segment' THEN 1 ELSE 2 END,
      s.baskets DESC, n.scope`,
    [options.minCount],
  );
  const pairs = await queryRows<BasketPair & { sid: number }>(
    data,
    `WITH sized AS (
      SELECT sid, count(*) AS total FROM basket_scopes GROUP BY sid
    ), names AS (${itemNamesSql(level)}),
    scored AS (
      SELECT pc.sid, pc.a, pc.b, pc.n AS baskets,
        pc.n::DOUBLE PRECISION / s.total AS support,
        pc.n::DOUBLE PRECISION / ca.n AS "confidenceAB",
        pc.n::DOUBLE PRECISION / cb.n AS "confidenceBA",
        -- In doubles: the product of two counts overflows 32 bits past 46,341 baskets.
        pc.n::DOUBLE PRECISION * s.total / (ca.n::DOUBLE PRECISION * cb.n) AS lift
      FROM basket_pair_counts pc
      JOIN sized s USING (sid)
      JOIN basket_item_counts ca ON ca.sid = pc.sid AND ca.item = pc.a
      JOIN basket_item_counts cb ON cb.sid = pc.sid AND cb.item = pc.b
      WHERE pc.n >= ?
    ), ranked AS (
      SELECT *, row_number() OVER (PARTITION BY sid
        ORDER BY lift DESC, baskets DESC, a, b) AS r
      FROM scored
    )
    SELECT r.sid, na.id AS a, nb.id AS b, na.name AS "aName", nb.name AS "bName",
      r.baskets, r.support, r."confidenceAB", r."confidenceBA", r.lift
    FROM ranked r
    JOIN names na ON na.item = r.a JOIN names nb ON nb.item = r.b
    WHERE r.r <= ? ORDER BY r.sid, r.r`,
    [options.minCount, options.top],
  );
  return scopes.map(({ sid, ...scope }) => ({
    ...scope,
    pairs: pairs.filter((p) => p.sid === sid).map(({ sid: _s, ...pair }) =>
      pair
    ),
  }));
}
