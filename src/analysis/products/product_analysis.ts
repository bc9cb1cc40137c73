import {
  abcSummary,
  paretoCurve,
  type ProductFigures,
  type ProductTotals,
} from "../../figures/products/product_figures.ts";
import { type Dataset, queryRows } from "../../source/dataset.ts";
import { type SalesFilter, salesWhere } from "../sales/sales_filter.ts";

export type { ProductFigures } from "../../figures/products/product_figures.ts";

/** Options for {@linkcode productAnalysis}. */
export interface ProductAnalysisOptions {
  filter?: SalesFilter;
  /** Lines after this day are left out, `YYYY-MM-DD`. */
  asOf?: string;
  /** Products in each top list. Default 10. */
  top?: number;
}

/**
 * Product totals in SQL (net sales, units, distinct buying customers and
 * purchase transactions of each product), then ranked, classed A/B/C (see
 * abcSummary) and listed. Null when no selected line has a product id.
 */
export async function productAnalysis(
  data: Dataset,
  options: ProductAnalysisOptions = {},
): Promise<ProductFigures | null> {
  const to = options.asOf &&
      (!options.filter?.to || options.asOf < options.filter.to)
    ? { to: options.asOf }
    : {};
  const where = salesWhere({ ...options.filter, ...to }, "s");
  const and = (condition: string) =>
    where.sql ? `${where.sql} AND ${condition}` : `WHERE ${condition}`;
  const totals = await queryRows<ProductTotals>(
    data,
    // A product's name: its most frequent one, ties to the first in byte
    // order, in SQL that DuckDB and PostgreSQL share (docs/warehouse.md).
    `WITH named AS (
      SELECT product, product_name, count(*) AS n FROM sales s
      ${and("product IS NOT NULL AND product_name IS NOT NULL")}
      GROUP BY product, product_name
    ), ranked AS (
      SELECT product, product_name AS name, row_number() OVER (
        PARTITION BY product ORDER BY n DESC, product_name) AS r
      FROM named
    ), names AS (SELECT product, name FROM ranked WHERE r = 1)
    SELECT s.product, names.name,
      sum(s.amount) AS "netSales",
      coalesce(sum(s.quantity), 0) AS quantity,
      CAST(count(DISTINCT s.customer_id) FILTER (WHERE s.amount > 0) AS INTEGER) AS customers,
      CAST(count(DISTINCT s.transaction_id) FILTER (WHERE s.amount > 0) AS INTEGER) AS transactions
    FROM sales s LEFT JOIN names USING (product)
    ${and("s.product IS NOT NULL")}
    GROUP BY s.product, names.name ORDER BY s.product`,
    [...where.params, ...where.params],
  );
  if (totals.length === 0) return null;
  const [without] = await queryRows<{ lines: number; net: number | null }>(
    data,
    `SELECT CAST(count(*) AS INTEGER) AS lines, sum(amount) AS net FROM sales s ${
      and("s.product IS NULL")
    }`,
    where.params,
  );
  const top = options.top ?? 10;
  const { products, ...abc } = abcSummary(totals);
  const byCustomers = [...products].sort((x, y) =>
    y.customers - x.customers || y.netSales - x.netSales ||
    (x.product < y.product ? -1 : x.product > y.product ? 1 : 0)
  );
  return {
    products: products.length,
    topBySales: products.slice(0, top),
    topByCustomers: byCustomers.slice(0, top),
    abc,
    curve: paretoCurve(products),
    linesWithoutProduct: without.lines,
    netSalesWithoutProduct: without.net ?? 0,
  };
}
