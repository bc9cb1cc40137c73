import type { QueryParam } from "../../source/dataset.ts";
import { sqlIdentifier } from "../../model/sql_string.ts";
import type { SalesFilter } from "../../figures/sales/sales_options.ts";

export type { SalesFilter } from "../../figures/sales/sales_options.ts";

/** A SQL condition with its positional parameters. */
export interface SqlCondition {
  /** `WHERE ...`, or the empty string when nothing is filtered. */
  sql: string;
  params: QueryParam[];
}

const LIST_COLUMNS = [
  ["categories", "category"],
  ["regions", "region"],
  ["stores", "store"],
  ["channels", "channel"],
  ["customers", "customer_id"],
] as const;

/**
 * Turns a filter into a `WHERE` clause over the `sales` table, with every
 * value bound as a parameter, never spliced into the SQL.
 *
 * @example
 * ```ts
 * import { salesWhere } from "./sales_filter.ts";
 * const where = salesWhere({ categories: ["Books"], from: "2024-01-01" });
 * if (where.sql !== "WHERE category IN (?) AND date >= ?::DATE") throw new Error(where.sql);
 * ```
 */
export function salesWhere(
  filter: SalesFilter = {},
  alias = "",
): SqlCondition {
  const prefix = alias ? `${alias}.` : "";
  const parts: string[] = [];
  const params: QueryParam[] = [];
  for (const [key, column] of LIST_COLUMNS) {
    const values = filter[key];
    if (!values || values.length === 0) continue;
    parts.push(`${prefix}${column} IN (${values.map(() => "?").join(", ")})`);
    params.push(...values);
  }
  if (filter.customersIn) {
    parts.push(
      `${prefix}customer_id IN (SELECT customer_id FROM ${
        sqlIdentifier(filter.customersIn)
      })`,
    );
  }
  if (filter.from) {
    parts.push(`${prefix}date >= ?::DATE`);
    params.push(filter.from);
  }
  if (filter.to) {
    parts.push(`${prefix}date <= ?::DATE`);
    params.push(filter.to);
  }
  return { sql: parts.length ? `WHERE ${parts.join(" AND ")}` : "", params };
}
