/**
 * Which products carry the business: the row types of the product figures
 * and the ABC (Pareto) classification, pure.
 *
 * @module
 */

/** One product's totals over its lines. */
export interface ProductTotals {
  product: string;
  /** The name its lines give most often (ties: the first by sort order); null without names. */
  name: string | null;
  netSales: number;
  quantity: number;
  /** Distinct customers with a sale line of it. */
  customers: number;
  /** Purchase transactions holding it. */
  transactions: number;
}

/** The ABC class of a product. */
export type AbcClass = "A" | "B" | "C";

/** A product with its rank by net sales, share and class. */
export interface RankedProduct extends ProductTotals {
  /** 1 for the largest net sales (ties by product id). */
  rank: number;
  /** Its share of all products' net sales. */
  share: number;
  /** The share of the products ranked up to and including it. */
  cumulativeShare: number;
  abcClass: AbcClass;
}

/** One ABC class's size and weight. */
export interface AbcClassRow {
  abcClass: AbcClass;
  products: number;
  productShare: number;
  netSales: number;
  salesShare: number;
}

/** The ABC classification of a set of products. */
export interface AbcSummary {
  /** Products ranked by net sales, each with its class. */
  products: RankedProduct[];
  classes: AbcClassRow[];
  /** The number of products in the top 20% (rounded up). */
  top20Count: number;
  /** Their share of all products' net sales. */
  top20Share: number;
  totalNetSales: number;
}

/** The class limits: A up to 80% of net sales, B up to 95%. */
export const ABC_LIMITS = { a: 0.8, b: 0.95 } as const;

/**
 * Ranks products by net sales (ties by product id) and classes them: a
 * product is A while the products ranked above it hold less than 80% of
 * all products' net sales, B while they hold less than 95%, C after (and
 * any product whose net sales are zero or below is C). Shares are of the
 * total net sales of all products; the top 20% is the first ⌈n / 5⌉.
 *
 * @example
 * ```ts
 * import { abcSummary } from "./product_figures.ts";
 * const p = (product: string, netSales: number) =>
 *   ({ product, name: null, netSales, quantity: 1, customers: 1, transactions: 1 });
 * const abc = abcSummary([p("x", 10), p("y", 70), p("z", 20), p("w", 0)]);
 * if (abc.products.map((r) => r.product + r.abcClass).join(" ") !== "yA zA xB wC") throw new Error();
 * if (abc.top20Count !== 1 || abc.top20Share !== 0.7) throw new Error(String(abc.top20Share));
 * ```
 */
export function abcSummary(rows: readonly ProductTotals[]): AbcSummary {
  const sorted = [...rows].sort((x, y) =>
    y.netSales - x.netSales ||
    (x.product < y.product ? -1 : x.product > y.product ? 1 : 0)
  );
  const total = sorted.reduce((sum, r) => sum + r.netSales, 0);
  let before = 0;
  const products = sorted.map((row, i): RankedProduct => {
    const share = total > 0 ? row.netSales / total : 0;
    const prior = total > 0 ? before / total : 1;
    before += row.netSales;
    const abcClass: AbcClass = row.netSales <= 0
      ? "C"
      : prior < ABC_LIMITS.a
      ? "A"
      : prior < ABC_LIMITS.b
      ? "B"
      : "C";
    return {
      ...row,
      rank: i + 1,
      share,
      cumulativeShare: total > 0 ? before / total : 0,
      abcClass,
    };
  });
  const classes = (["A", "B", "C"] as const).map((abcClass): AbcClassRow => {
    const members = products.filter((p) => p.abcClass === abcClass);
    const netSales = members.reduce((sum, p) => sum + p.netSales, 0);
    return {
      abcClass,
      products: members.length,
      productShare: products.length ? members.length / products.length : 0,
      netSales,
      salesShare: total > 0 ? netSales / total : 0,
    };
  });
  const top20Count = Math.ceil(products.length / 5);
  const top20Sales = products.slice(0, top20Count).reduce(
    (sum, p) => sum + p.netSales,
    0,
  );
  return {
    products,
    classes,
    top20Count,
    top20Share: total > 0 ? top20Sales / total : 0,
    totalNetSales: total,
  };
}

/** One point of the Pareto curve: the share of products against the share of sales. */
export interface ParetoPoint {
  /** The share of products ranked up to and including this one. */
  productShare: number;
  cumulativeShare: number;
  abcClass: AbcClass;
}

/**
 * The Pareto curve of ranked products, thinned to at most `maxPoints`
 * points evenly by rank; the last product of each class is always kept,
 * so the class limits stay exact.
 *
 * @example
 * ```ts
 * import { abcSummary, paretoCurve } from "./product_figures.ts";
 * const p = (product: string, netSales: number) =>
 *   ({ product, name: null, netSales, quantity: 1, customers: 1, transactions: 1 });
 * const curve = paretoCurve(abcSummary([p("x", 80), p("y", 15), p("z", 5)]).products);
 * if (curve.map((c) => c.abcClass).join("") !== "ABC") throw new Error();
 * if (curve[2].productShare !== 1 || curve[2].cumulativeShare !== 1) throw new Error();
 * ```
 */
export function paretoCurve(
  products: readonly RankedProduct[],
  maxPoints = 200,
): ParetoPoint[] {
  const n = products.length;
  const step = Math.max(1, Math.ceil(n / maxPoints));
  return products.filter((p, i) =>
    (i + 1) % step === 0 || i === n - 1 ||
    products[i + 1]?.abcClass !== p.abcClass
  ).map((p) => ({
    productShare: p.rank / n,
    cumulativeShare: p.cumulativeShare,
    abcClass: p.abcClass,
  }));
}

/** Which products carry the business. */
export interface ProductFigures {
  /** Distinct products among the selected lines. */
  products: number;
  /** The largest by net sales, each with its ABC class. */
  topBySales: RankedProduct[];
  /** The most bought by distinct customers (ties: net sales, then id). */
  topByCustomers: RankedProduct[];
  abc: Omit<AbcSummary, "products">;
  /** The Pareto curve of all products, at most 200 points (see paretoCurve). */
  curve: ParetoPoint[];
  /** Selected lines without a product id, left out of these figures. */
  linesWithoutProduct: number;
  netSalesWithoutProduct: number;
}
