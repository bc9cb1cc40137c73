import type { ChartOptions } from "../chart_options.ts";

/** Options of the segment and cluster charts: the common ones plus the currency. */
export interface SegmentChartOptions extends ChartOptions {
  /** The currency symbol for money, such as "$" or "₹". Default none. */
  currency?: string;
}
