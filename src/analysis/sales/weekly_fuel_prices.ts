import { type Dataset, queryRows } from "../../source/dataset.ts";
import { FUEL_CATEGORY } from "../../model/schema.ts";
import {
  type FuelSums,
  weeklyFuelPricesFromSums,
} from "../../figures/sales/fuel_figures.ts";
import { labelled } from "../../model/none_label.ts";
import {
  andWhere,
  salesCondition,
  type SalesOptions,
} from "./sales_options.ts";
import type { WeeklyFuelPriceRow } from "../../figures/sales/fuel_figures.ts";

export type { WeeklyFuelPriceRow } from "../../figures/sales/fuel_figures.ts";

/**
 * The volume-weighted average price per gallon (`sum(amount) / sum(gallons)`)
 * of each fuel type by ISO week, with revenue and gallons. Weeks in which a
 * fuel type sold nothing have no row for it (a price needs a sale). Rows in
 * week order, fuel types by name within a week.
 */
export async function weeklyFuelPrices(
  data: Dataset,
  options: SalesOptions = {},
): Promise<WeeklyFuelPriceRow[]> {
  return weeklyFuelPricesFromSums(await weeklyFuelSums(data, options));
}

/**
 * The sums {@linkcode weeklyFuelPrices} follows from: revenue, priced
 * revenue, gallons and lines of the fuel lines by week (its Monday) and
 * fuel type.
 */
export async function weeklyFuelSums(
  data: Dataset,
  options: SalesOptions = {},
): Promise<(FuelSums & { weekStart: string })[]> {
  const where = andWhere(
    salesCondition(options, "weekly fuel prices"),
    "category = ?",
    [FUEL_CATEGORY],
  );
  const rows = await queryRows<{
    week_start: string;
    fuel_type: string;
    revenue: number;
    priced_revenue: number | null;
    gallons: number | null;
    lines: number;
  }>(
    data,
    `SELECT CAST(date_trunc('week', CAST(date AS TIMESTAMP)) AS DATE) AS week_start,
       ${labelled("fuel_type")} AS fuel_type, sum(amount) AS revenue,
       sum(amount) FILTER (WHERE gallons IS NOT NULL) AS priced_revenue,
       sum(gallons) AS gallons, count(*) AS lines
     FROM sales ${where.sql} GROUP BY 1, 2
     ORDER BY week_start, fuel_type`,
    where.params,
  );
  return rows.map((row) => ({
    weekStart: row.week_start,
    fuelType: row.fuel_type,
    revenue: row.revenue,
    pricedRevenue: row.priced_revenue,
    gallons: row.gallons,
    lines: row.lines,
  }));
}
