import { parseHTML } from "linkedom";

/**
 * A server-side DOM document (linkedom) for the chart functions to render
 * into outside a browser, as the report does: pass it as the `document`
 * option of any chart.
 *
 * @example
 * ```ts
 * import { chartDocument } from "./chart_document.ts";
 * import { weekdaySalesChart } from "../charts/sales/weekday_sales_chart.ts";
 * const chart = weekdaySalesChart([], { document: chartDocument() });
 * if (!chart.outerHTML.includes("<svg")) throw new Error(chart.outerHTML);
 * ```
 */
export function chartDocument(): Document {
  const { document } = parseHTML("<!DOCTYPE html><html><body></body></html>");
  return document as unknown as Document;
}
