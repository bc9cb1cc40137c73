import { type Dataset, queryRows } from "../../source/dataset.ts";
import { FUEL_CATEGORY } from "../../model/schema.ts";
import {
  fuelSummaryFromTypes,
  type FuelSums,
} from "../../figures/sales/fuel_figures.ts";
import { labelled } from "../../model/none_label.ts";
import {
  andWhere,
  salesCondition,
  type SalesOptions,
} from "./sales_options.ts";
import type { FuelSummary } from "../../figures/sales/fuel_figures.ts";

export type {
  FuelFigures,
  FuelSummary,
  FuelTypeFigures,
} from "../../figures/sales/fuel_figures.ts";

export { fuelFigures } from "../../figures/sales/fuel_figures.ts";

/**
 * Fuel revenue, gallons and volume-weighted average price, in total and by
 * fuel type. Fuel lines are the lines of category "Fuel". Without fuel lines
 * every figure is 0, the price null and `byType` empty.
 *
 * @example
 * ```ts
 * import { createDataset } from "../../source/dataset.ts";
 * import { fuelSummary } from "./fuel_summary.ts";
 * const line = { date: "2024-03-01", store: "S1", city: null, region: null,
 *   channel: null, department: null, category: "Fuel", sub_category: null,
 *   customer_id: null, transaction_id: null, quantity: null, amount: 30,
 *   gallons: 10, fuel_type: "Diesel", fuel_price: 3 };
 * const data = await createDataset({ sales: [line,
 *   { ...line, amount: 40, gallons: 10, fuel_price: 4 }] });
 * const fuel = await fuelSummary(data);
 * if (fuel.averagePrice !== 3.5 || fuel.gallons !== 20) throw new Error("unexpected fuel");
 * ```
 */
export async function fuelSummary(
  data: Dataset,
  options: SalesOptions = {},
): Promise<FuelSummary> {
  return fuelSummaryFromTypes(await fuelSums(data, options));
}

/**
 * The sums {@linkcode fuelSummary} follows from: revenue, priced revenue,
 * gallons and lines of the fuel lines by fuel type.
 */
export async function fuelSums(
  data: Dataset,
  options: SalesOptions = {},
): Promise<FuelSums[]> {
  const where = andWhere(
    salesCondition(options, "the fuel summary"),
    "category = ?",
    [FUEL_CATEGORY],
  );
  const rows = await queryRows<{
    fuel_type: string;
    revenue: number;
    priced_revenue: number | null;
    gallons: number | null;
    lines: number;
  }>(
    data,
    `SELECT ${labelled("fuel_type")} AS fuel_type, sum(amount) AS revenue,
       sum(amount) FILTER (WHERE gallons IS NOT NULL) AS priced_revenue,
       sum(gallons) AS gallons, count(*) AS lines
     FROM sales ${where.sql} GROUP BY 1 ORDER BY 1`,
    where.params,
  );
  return rows.map((row) => ({
    fuelType: row.fuel_type,
    revenue: row.revenue,
    pricedRevenue: row.priced_revenue,
    gallons: row.gallons,
    lines: row.lines,
  }));
}
