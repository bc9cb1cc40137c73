import type { ChartOptions } from "../chart_options.ts";

/** Options of the sales charts: the common ones plus the currency. */
export interface SalesChartOptions extends ChartOptions {
  /**
   * The currency symbol to show on money axes and in descriptions, such as
   * "$" or "₹". Default none: the data's currency is not known.
   */
  currency?: string;
}
