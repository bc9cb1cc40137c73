import type {
  BasketLevel,
  BasketTriple,
} from "../../figures/baskets/basket_figures.ts";
import { type Dataset, queryRows } from "../../source/dataset.ts";
import { itemNamesSql } from "./basket_pairs.ts";

/**
 * How many triples the baskets hold (the sum over baskets of k choose 3,
 * k its items): the work that listing them would take.
 */
export async function tripleCount(data: Dataset): Promise<number> {
  const [row] = await queryRows<{ n: number | null }>(
    data,
    `SELECT sum(k * (k - 1) * (k - 2) / 6)::DOUBLE PRECISION AS n
    FROM (SELECT count(*)::DOUBLE PRECISION AS k FROM basket_items GROUP BY tx) AS sizes`,
  );
  return row.n ?? 0;
}

/**
 * The strongest triples among all baskets, from `basket_items` and the
 * counts basketPairs left: those in at least `minCount` baskets, each with
 * its rule {X, Y} → Z of highest confidence, by that rule's lift, then
 * baskets, then ids.
 */
export async function basketTriples(
  data: Dataset,
  level: BasketLevel,
  options: { minCount: number; top: number },
): Promise<BasketTriple[]> {
  const rows = await queryRows<{
    a: string;
    b: string;
    c: string;
    an: string;
    bn: string;
    cn: string;
    baskets: number;
    support: number;
    g1: string;
    g2: string;
    then: string;
    confidence: number;
    lift: number;
  }>(
    data,
    `WITH everyone AS (SELECT sid FROM basket_scope_names WHERE dimension = 'all'),
    total AS (SELECT count(*) AS n FROM basket_scopes WHERE sid IN (SELECT sid FROM everyone)),
    names AS (${itemNamesSql(level)}),
    items AS (SELECT item, n FROM basket_item_counts WHERE sid IN (SELECT sid FROM everyone)),
    pairs AS (SELECT a, b, n FROM basket_pair_counts WHERE sid IN (SELECT sid FROM everyone)),
    t AS (
      SELECT x.item AS a, y.item AS b, z.item AS c, count(*) AS n
      FROM basket_items x
      JOIN basket_items y ON y.tx = x.tx AND x.item < y.item
      JOIN basket_items z ON z.tx = x.tx AND y.item < z.item
      GROUP BY x.item, y.item, z.item HAVING count(*) >= ?
    ),
    rules AS (
      SELECT t.a, t.b, t.c, t.n, t.a AS g1, t.b AS g2, t.c AS consequent_item, pab.n AS given, ic.n AS consequent FROM t
        JOIN pairs pab ON pab.a = t.a AND pab.b = t.b JOIN items ic ON ic.item = t.c
      UNION ALL
      SELECT t.a, t.b, t.c, t.n, t.a, t.c, t.b, pac.n, ib.n FROM t
        JOIN pairs pac ON pac.a = t.a AND pac.b = t.c JOIN items ib ON ib.item = t.b
      UNION ALL
      SELECT t.a, t.b, t.c, t.n, t.b, t.c, t.a, pbc.n, ia.n FROM t
        JOIN pairs pbc ON pbc.a = t.b AND pbc.b = t.c JOIN items ia ON ia.item = t.a
    ),
    best AS (
      SELECT *, n::DOUBLE PRECISION / given AS confidence,
        n::DOUBLE PRECISION * (SELECT n FROM total) / (given::DOUBLE PRECISION * consequent) AS lift,
        row_number() OVER (PARTITION BY a, b, c ORDER BY n::DOUBLE PRECISION / given DESC, g1, g2) AS r
      FROM rules
    ),
    ranked AS (
      SELECT *, row_number() OVER (ORDER BY lift DESC, n DESC, a, b, c) AS rank
      FROM best WHERE r = 1
    )
    SELECT na.id AS a, nb.id AS b, nc.id AS c, na.name AS an, nb.name AS bn, nc.name AS cn,
      ranked.n::INTEGER AS baskets, ranked.n::DOUBLE PRECISION / (SELECT n FROM total) AS support,
      n1.id AS g1, n2.id AS g2, nt.id AS "then", confidence, lift
    FROM ranked
    JOIN names na ON na.item = ranked.a JOIN names nb ON nb.item = ranked.b
    JOIN names nc ON nc.item = ranked.c JOIN names n1 ON n1.item = ranked.g1
    JOIN names n2 ON n2.item = ranked.g2 JOIN names nt ON nt.item = ranked.consequent_item
    WHERE rank <= ? ORDER BY rank`,
    [options.minCount, options.top],
  );
  return rows.map((r) => ({
    items: [r.a, r.b, r.c],
    names: [r.an, r.bn, r.cn],
    baskets: r.baskets,
    support: r.support,
    given: [r.g1, r.g2],
    then: r.then,
    confidence: r.confidence,
    lift: r.lift,
  }));
}
