import type { NumberFormats } from "../../figures/format/number_formats.ts";
import type { ChartOptions } from "../chart_options.ts";

/** Options of the segment and cluster charts: the common ones plus the number formats. */
export interface SegmentChartOptions extends ChartOptions {
  /**
   * How numbers read: currency and locale (see numberFormats). Default
   * en-US and USD.
   */
  format?: NumberFormats;
}
