/**
 * Which sale lines a sales figure covers: the filter and "as of" date that
 * the SQL analyses turn into a `WHERE` clause and the report's page applies
 * to its cube. Pure and free of DuckDB, so that both can share it.
 *
 * @module
 */

/**
 * Which sale lines an analysis looks at. Every list is "any of"; an empty or
 * missing list means no restriction. Dates are inclusive `YYYY-MM-DD`.
 */
export interface SalesFilter {
  categories?: readonly string[];
  regions?: readonly string[];
  stores?: readonly string[];
  channels?: readonly string[];
  /** Customers to keep, by id. */
  customers?: readonly string[];
  /**
   * Customers to keep, as the name of a temporary table of their ids
   * (column `customer_id`) in the engine the queries run on: the segment
   * and cluster filters, however many customers they keep (see
   * salesFilterFor).
   */
  customersIn?: string;
  from?: string;
  to?: string;
}

/**
 * Options every sales analysis takes: a {@linkcode SalesFilter} (categories,
 * regions, stores, channels, customers, from, to) plus an "as of" date.
 */
export interface SalesOptions extends SalesFilter {
  /**
   * The report's "today", `YYYY-MM-DD`: lines dated after it are left out and
   * the period ends on it at the latest. Acts like `to` when earlier than it.
   */
  asOf?: string;
}

/**
 * The latest day the options allow: the earlier of `to` and `asOf`.
 *
 * @example
 * ```ts
 * import { lastDay } from "./sales_options.ts";
 * if (lastDay({ to: "2024-03-31", asOf: "2024-03-05" }) !== "2024-03-05") {
 *   throw new Error("expected the earlier day");
 * }
 * ```
 */
export function lastDay(options: SalesOptions): string | undefined {
  const { to, asOf } = options;
  if (to && asOf) return to < asOf ? to : asOf;
  return to || asOf || undefined;
}
