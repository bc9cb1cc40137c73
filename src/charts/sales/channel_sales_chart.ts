import type { ChannelSalesRow } from "../../figures/sales/grouped_totals.ts";
import { rankedBars } from "./ranked_bars.ts";
import type { SalesChartOptions } from "./sales_chart_options.ts";

/**
 * Net sales by channel (store type) as horizontal bars, largest first (ties
 * by name), each labelled with its value and share. Draws the rows of
 * `salesByChannel`.
 */
export function channelSalesChart(
  rows: readonly ChannelSalesRow[],
  options: SalesChartOptions = {},
): Element {
  return rankedBars(
    rows.map((r) => ({
      name: r.channel,
      totalSales: r.totalSales,
      share: r.share,
    })),
    {
      title: "Net sales by channel",
      noun: ["channel", "channels"],
      axis: "Channel",
      filter: (channel) => ({ channel }),
    },
    options,
  );
}
