import type {
  BasketLevel,
  BasketPair,
  BasketScope,
} from "../../figures/baskets/basket_figures.ts";
import { type Dataset, queryRows } from "../../source/dataset.ts";

/**
 * The names items show with: a product's most frequent name (ties: the
 * first by sort order), else its id. A SQL query of `item, name`.
 */
export function itemNamesSql(level: BasketLevel): string {
  return level === "product"
    ? `SELECT product AS item, coalesce(first(product_name ORDER BY n DESC, product_name), product) AS name
       FROM (SELECT product, product_name, count(*) AS n FROM sales
             WHERE product IS NOT NULL GROUP BY ALL)
       GROUP BY product`
    : "SELECT DISTINCT item, item AS name FROM basket_items";
}

/**
 * Counts items and pairs per scope from `basket_items` and
 * `basket_scopes` (see createBasketItems) into `basket_item_counts` and
 * `basket_pair_counts`, and returns each scope with its strongest pairs:
 * those in at least `minCount` baskets, by lift, then baskets, then ids.
 */
export async function basketPairs(
  data: Dataset,
  level: BasketLevel,
  options: { minCount: number; top: number },
): Promise<BasketScope[]> {
  const { connection } = data;
  await connection.run(
    `CREATE OR REPLACE TEMP TABLE basket_item_counts AS
    SELECT sc.dimension, sc.scope, i.item, count(*)::INTEGER AS n
    FROM basket_scopes sc JOIN basket_items i USING (tx) GROUP BY ALL`,
  );
  // Each basket's pairs once, then counted under each of its scopes.
  await connection.run(
    `CREATE OR REPLACE TEMP TABLE basket_pair_counts AS
    WITH p AS (
      SELECT x.tx, x.item AS a, y.item AS b
      FROM basket_items x JOIN basket_items y ON x.tx = y.tx AND x.item < y.item
    )
    SELECT sc.dimension, sc.scope, p.a, p.b, count(*)::INTEGER AS n
    FROM p JOIN basket_scopes sc USING (tx) GROUP BY ALL`,
  );
  const scopes = await queryRows<
    Omit<BasketScope, "pairs">
  >(
    data,
    `WITH k AS (SELECT tx, count(*) AS k FROM basket_items GROUP BY tx),
    found AS (
      SELECT dimension, scope, count(*)::INTEGER AS n FROM basket_pair_counts
      WHERE n >= $min GROUP BY ALL
    ),
    sized AS (
      SELECT sc.dimension, sc.scope, count(*)::INTEGER AS baskets,
        count(*) FILTER (WHERE k.k >= 2)::INTEGER AS "multiItemBaskets"
      FROM basket_scopes sc JOIN k USING (tx) GROUP BY ALL
    )
    SELECT s.dimension, s.scope, s.baskets, s."multiItemBaskets",
      coalesce(f.n, 0)::INTEGER AS "pairsFound"
    FROM sized s LEFT JOIN found f USING (dimension, scope)
    ORDER BY CASE s.dimension WHEN 'all' THEN 0 WHEN 'segment' THEN 1 ELSE 2 END,
      s.baskets DESC, s.scope`,
    { min: options.minCount },
  );
  const pairs = await queryRows<
    BasketPair & { dimension: string; scope: string }
  >(
    data,
    `WITH sized AS (
      SELECT dimension, scope, count(*) AS total FROM basket_scopes GROUP BY ALL
    ), names AS (${itemNamesSql(level)}),
    scored AS (
      SELECT pc.dimension, pc.scope, pc.a, pc.b, pc.n AS baskets,
        pc.n::DOUBLE / s.total AS support,
        pc.n::DOUBLE / ca.n AS "confidenceAB",
        pc.n::DOUBLE / cb.n AS "confidenceBA",
        -- In doubles: the product of two counts overflows 32 bits past 46,341 baskets.
        pc.n::DOUBLE * s.total / (ca.n::DOUBLE * cb.n) AS lift
      FROM basket_pair_counts pc
      JOIN sized s USING (dimension, scope)
      JOIN basket_item_counts ca ON ca.dimension = pc.dimension AND ca.scope = pc.scope AND ca.item = pc.a
      JOIN basket_item_counts cb ON cb.dimension = pc.dimension AND cb.scope = pc.scope AND cb.item = pc.b
      WHERE pc.n >= $min
    ), ranked AS (
      SELECT *, row_number() OVER (PARTITION BY dimension, scope
        ORDER BY lift DESC, baskets DESC, a, b) AS r
      FROM scored
    )
    SELECT r.dimension, r.scope, r.a, r.b,
      coalesce(na.name, r.a) AS "aName", coalesce(nb.name, r.b) AS "bName",
      r.baskets, r.support, r."confidenceAB", r."confidenceBA", r.lift
    FROM ranked r
    LEFT JOIN names na ON na.item = r.a LEFT JOIN names nb ON nb.item = r.b
    WHERE r.r <= $top ORDER BY r.dimension, r.scope, r.r`,
    { min: options.minCount, top: options.top },
  );
  return scopes.map((scope) => ({
    ...scope,
    pairs: pairs.filter((p) =>
      p.dimension === scope.dimension && p.scope === scope.scope
    ).map(({ dimension: _d, scope: _s, ...pair }) => pair),
  }));
}
