import type { Dataset } from "../../source/dataset.ts";
import type { SalesOptions } from "./sales_options.ts";
import { salesTotals } from "./sales_totals.ts";
import type { ChannelSalesRow } from "../../figures/sales/grouped_totals.ts";

export type { ChannelSalesRow } from "../../figures/sales/grouped_totals.ts";

/**
 * Sales by channel, largest net sales first (ties by name). Lines without a
 * channel form a "(none)" row, so the rows add up to the total.
 */
export function salesByChannel(
  data: Dataset,
  options: SalesOptions = {},
): Promise<ChannelSalesRow[]> {
  return salesTotals(data, ["channel"], options, "sales by channel");
}
