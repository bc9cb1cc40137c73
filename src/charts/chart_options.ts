/** Options every chart function takes. */
export interface ChartOptions {
  /**
   * The document to render into: pass linkedom's outside a browser. Defaults
   * to the global `document`.
   */
  document?: Document;
  /** Width in pixels; charts read well from 375 to 1200. Default 640. */
  width?: number;
  /** Overrides the chart's default title. */
  title?: string;
}
