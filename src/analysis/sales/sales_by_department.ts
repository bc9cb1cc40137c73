import type { Dataset } from "../../source/dataset.ts";
import type { SalesOptions } from "./sales_options.ts";
import { type SalesTotals, salesTotals } from "./sales_totals.ts";

/** Net and gross sales, returns, lines and share of one department. */
export interface DepartmentSalesRow extends SalesTotals {
  /** The department, or "(none)" for lines without one. */
  department: string;
}

/**
 * Sales by department, largest net sales first (ties by name). Lines without a
 * department form a "(none)" row, so the rows add up to the total.
 */
export function salesByDepartment(
  data: Dataset,
  options: SalesOptions = {},
): Promise<DepartmentSalesRow[]> {
  return salesTotals(data, ["department"], options, "sales by department");
}
