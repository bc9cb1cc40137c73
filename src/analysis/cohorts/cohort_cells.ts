import { isIsoDate } from "../../model/calendar.ts";
import { NONE_LABEL } from "../../model/none_label.ts";
import { sqlIdentifier } from "../../model/sql_string.ts";
import type { CustomerTable } from "../segments/customer_table.ts";
import { withCustomerTable } from "../segments/with_customer_table.ts";
import type { CohortCells } from "../../figures/cohorts/cohort_table.ts";
import { round6 } from "../../stats/round6.ts";
import type { Dataset } from "../../source/dataset.ts";
import { engineOf } from "../../source/duckdb_engine.ts";

export type { CohortCells } from "../../figures/cohorts/cohort_table.ts";

/** Options for {@linkcode cohortCells}. */
export interface CohortCellsOptions {
  /** Lines dated after this day are left out, as in every analysis. */
  asOf?: string | undefined;
  /**
   * The customer table holding each customer's RFM segment and cluster
   * (see uploadCustomerTable); a customer not in it is "(none)" in both.
   */
  customers?: CustomerTable | null | undefined;
}

/** What the cohorts leave out, so that nothing is dropped unsaid. */
export interface CohortExclusions {
  /** Customers with returns only: no first purchase, so no cohort. */
  returnOnlyCustomers: number;
  /** Lines (returns) of a customer dated before their first purchase, and their net amount. */
  linesBeforeFirstPurchase: number;
  amountBeforeFirstPurchase: number;
  /** Lines without a customer id. */
  anonymousLines: number;
}

/** The cohort cells with what they leave out. */
export interface CohortAnalysis extends CohortCells {
  excluded: CohortExclusions;
}

/**
 * Customers grouped by the month of their first purchase (a line with a
 * positive amount), summed in SQL per cohort, month since that month,
 * segment and cluster: the customers with a purchase line in the month and
 * the net sales (returns subtracted) of all their lines in it. See
 * cohortTable for the table, and docs/segments.md.
 *
 * @example
 * ```ts
 * import { createDataset } from "../../source/dataset.ts";
 * import { cohortCells } from "./cohort_cells.ts";
 * const line = (customer_id: string, date: string, amount: number) => ({
 *   date, store: null, city: null, region: null, channel: null, department: null,
 *   category: "Books", sub_category: null, customer_id, transaction_id: null,
 *   quantity: 1, amount, gallons: null, fuel_type: null, fuel_price: null,
 * });
 * const data = await createDataset({ sales: [
 *   line("A", "2024-01-05", 10), line("A", "2024-03-02", 20), line("B", "2024-02-01", 7),
 * ] });
 * const cells = await cohortCells(data);
 * if (cells.cohorts.join() !== "2024-01,2024-02") throw new Error(cells.cohorts.join());
 * if (JSON.stringify(cells.cells[1]) !== "[0,2,0,0,1,20]") throw new Error(JSON.stringify(cells.cells));
 * ```
 */
export async function cohortCells(
  data: Dataset,
  options: CohortCellsOptions = {},
): Promise<CohortAnalysis> {
  const { asOf } = options;
  if (asOf !== undefined && !isIsoDate(asOf)) {
    throw new RangeError(
      `Cannot compute cohorts as of ${
        JSON.stringify(asOf)
      }: the date is not in YYYY-MM-DD form`,
    );
  }
  const engine = engineOf(data);
  // The same SQL on DuckDB and on a warehouse (see docs/warehouse.md).
  return await withCustomerTable(data, options.customers, async (table) => {
    const cut = asOf === undefined ? "" : "AND date <= CAST(? AS DATE)";
    const cutParams = asOf === undefined ? [] : [asOf];
    const lines = `SELECT customer_id, date, amount FROM sales
      WHERE customer_id IS NOT NULL ${cut}`;
    const firsts =
      `SELECT customer_id, min(date) FILTER (WHERE amount > 0) AS first
      FROM (${lines}) AS fl GROUP BY customer_id`;
    const [totals] = await engine.query<{
      last_date: string | null;
      anonymous_lines: number;
    }>(
      `SELECT max(date) AS last_date,
         count(*) FILTER (WHERE customer_id IS NULL) AS anonymous_lines
       FROM sales ${asOf === undefined ? "" : "WHERE date <= CAST(? AS DATE)"}`,
      cutParams,
    );
    const [before] = await engine.query<{
      return_only: number;
      lines: number;
      amount: number | null;
    }>(
      `WITH f AS (${firsts})
       SELECT (SELECT count(*) FROM f WHERE first IS NULL) AS return_only,
         count(*) AS lines, sum(l.amount) AS amount
       FROM (${lines}) AS l JOIN f USING (customer_id) WHERE l.date < f.first`,
      [...cutParams, ...cutParams],
    );
    const month = (date: string) =>
      `CAST(extract(year FROM ${date}) AS INTEGER) * 12 + CAST(extract(month FROM ${date}) AS INTEGER) - 1`;
    const rows = await engine.query<{
      cohort: string;
      month_offset: number;
      segment: string;
      cluster: string;
      active: number;
      revenue: number;
    }>(
      `WITH f AS (${firsts}),
       c AS (
         SELECT f.customer_id, f.first, ${month("f.first")} AS cohort_month,
           coalesce(g.segment, '${NONE_LABEL}') AS segment,
           coalesce(g.cluster, '${NONE_LABEL}') AS cluster
         FROM f LEFT JOIN ${sqlIdentifier(table.name)} g USING (customer_id)
         WHERE f.first IS NOT NULL
       )
       SELECT left(CAST(c.first AS VARCHAR), 7) AS cohort,
         ${month("l.date")} - c.cohort_month AS month_offset,
         c.segment, c.cluster,
         count(DISTINCT l.customer_id) FILTER (WHERE l.amount > 0) AS active,
         sum(l.amount) AS revenue
       FROM (${lines}) AS l JOIN c USING (customer_id)
       WHERE l.date >= c.first
       GROUP BY 1, 2, 3, 4`,
      [...cutParams, ...cutParams],
    );
    // Sorted here, by code unit: the warehouse's temporary table sorts
    // text by its own collation.
    const byText = (a: string, b: string) => a < b ? -1 : a > b ? 1 : 0;
    rows.sort((a, b) =>
      byText(a.cohort, b.cohort) || a.month_offset - b.month_offset ||
      byText(a.segment, b.segment) || byText(a.cluster, b.cluster)
    );
    const index = (values: string[]) => new Map(values.map((v, i) => [v, i]));
    const cohorts = [...new Set(rows.map((r) => r.cohort))];
    const segments = [...new Set(rows.map((r) => r.segment))].sort();
    const clusters = [...new Set(rows.map((r) => r.cluster))].sort();
    const [ci, si, ki] = [index(cohorts), index(segments), index(clusters)];
    return {
      lastDate: totals.last_date,
      cohorts,
      segments,
      clusters,
      cells: rows.map((r) => [
        ci.get(r.cohort)!,
        r.month_offset,
        si.get(r.segment)!,
        ki.get(r.cluster)!,
        r.active,
        round6(r.revenue),
      ]),
      excluded: {
        returnOnlyCustomers: before.return_only,
        linesBeforeFirstPurchase: before.lines,
        amountBeforeFirstPurchase: round6(before.amount ?? 0),
        anonymousLines: totals.anonymous_lines,
      },
    };
  });
}
