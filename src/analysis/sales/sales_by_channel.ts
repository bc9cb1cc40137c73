import type { Dataset } from "../../source/dataset.ts";
import type { SalesOptions } from "./sales_options.ts";
import { type SalesTotals, salesTotals } from "./sales_totals.ts";

/** Net and gross sales, returns, lines and share of one channel. */
export interface ChannelSalesRow extends SalesTotals {
  /** The channel, or "(none)" for lines without one. */
  channel: string;
}

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
