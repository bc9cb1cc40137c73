import type { FilterState } from "../report/filter_state.ts";
import type { OpenSourceOptions } from "../source/open_source.ts";

/** Options for {@linkcode buildReport}. */
export interface BuildReportOptions {
  source: OpenSourceOptions;
  /** The analysis date; default the day after the last sale. */
  asOf?: string;
  seed: number;
  /** Fixed number of clusters; default: chosen by silhouette. */
  k?: number;
  /** Categories per region in "top categories". Default 2. */
  topN?: number;
  /** Filters applied before anything is computed (the page can narrow them further). */
  filters?: FilterState;
  /** Chart width in pixels. Default 640. */
  width?: number;
  /** How numbers read (see numberFormats). Default USD and en-US. */
  currency?: string;
  locale?: string;
  /** The cube's cell budget (see salesCube). */
  maxCells?: number;
  /**
   * The most bytes the page may take: past it, the page is built again
   * with the cube's time cut coarser (day, week, month). Default 2,500,000.
   */
  maxPageBytes?: number;
  /** Customer value: the first day of the holdout check (see customerValueFigures). */
  holdoutFrom?: string;
  /** Customer value: the horizon of expected purchases in weeks. Default 52. */
  valueWeeks?: number;
  /** Customer value: the discount rate per month. Default 0.01. */
  discountRate?: number;
}
