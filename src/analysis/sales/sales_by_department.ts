import type { Dataset } from "../../source/dataset.ts";
import type { SalesOptions } from "./sales_options.ts";
import { salesTotals } from "./sales_totals.ts";
import type { DepartmentSalesRow } from "../../figures/sales/grouped_totals.ts";

export type { DepartmentSalesRow } from "../../figures/sales/grouped_totals.ts";

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
