import type { QueryParam } from "../../source/dataset.ts";
import { isIsoDate } from "../../model/calendar.ts";
import { salesWhere, type SqlCondition } from "./sales_filter.ts";
import {
  lastDay,
  type SalesOptions,
} from "../../figures/sales/sales_options.ts";

export {
  lastDay,
  type SalesOptions,
} from "../../figures/sales/sales_options.ts";

/** Which parts of the options a condition should include. */
export interface SalesConditionParts {
  /** Include the date bounds (`from`, `to`, `asOf`). Default true. */
  dates?: boolean;
}

/**
 * Checks the options and turns them into a `WHERE` clause over `sales`.
 * Throws a `RangeError` for a date that is not `YYYY-MM-DD`.
 */
export function salesCondition(
  options: SalesOptions,
  what: string,
  parts: SalesConditionParts = {},
): SqlCondition {
  checkSalesOptions(options, what);
  const { asOf: _asOf, ...filter } = options;
  if (parts.dates === false) {
    return salesWhere({ ...filter, from: undefined, to: undefined });
  }
  return salesWhere({ ...filter, to: lastDay(options) });
}

/** Adds `sql` (with its parameters) to a condition with `AND`. */
export function andWhere(
  condition: SqlCondition,
  sql: string,
  params: QueryParam[] = [],
): SqlCondition {
  return {
    sql: condition.sql ? `${condition.sql} AND ${sql}` : `WHERE ${sql}`,
    params: [...condition.params, ...params],
  };
}

function checkSalesOptions(options: SalesOptions, what: string): void {
  for (const key of ["from", "to", "asOf"] as const) {
    const value = options[key];
    if (value !== undefined && value !== "" && !isIsoDate(value)) {
      throw new RangeError(
        `Cannot compute ${what}: option "${key}": ${
          JSON.stringify(value)
        } is not a date (YYYY-MM-DD)`,
      );
    }
  }
}
