/**
 * What a click on a chart's mark filters the page by: one value of a list
 * filter, a date range, or both (a cell of category × month).
 */
export interface ChartFilter {
  category?: string;
  region?: string;
  store?: string;
  channel?: string;
  segment?: string;
  cluster?: string;
  /** First day, `YYYY-MM-DD`. */
  from?: string;
  /** Last day, `YYYY-MM-DD`. */
  to?: string;
}

/** Options every chart function takes. */
export interface ChartOptions {
  /**
   * The document to render into: pass linkedom's outside a browser. Defaults
   * to the global `document`.
   */
  document?: Document;
  /** Width in pixels; charts read well from 320 to 1400. Default 640. */
  width?: number;
  /** Overrides the chart's default title. */
  title?: string;
  /**
   * The link of a mark that filters the page by what it shows (a bar's
   * category, a cell's month): with it, bars and cells that stand for a
   * filter value are links (the report's page gives them the filter's
   * URL hash); without it, they are not.
   */
  filterHref?: (filter: ChartFilter) => string;
}
