// deno-fmt-ignore-file -- deno fmt would re-indent the markup inside the html templates
import { CLUSTER_METHOD_NOTES, RFM_METHOD_NOTES } from "../figures/segments/segmentation_notes.ts";
import { type Html, html } from "./html.ts";

/**
 * The report's notes on method: how the sales figures are computed, how
 * customers are segmented (when they are), and what the page's filters
 * recompute from sums by `grain`.
 */
export function methodNotes(grain: string, hasCustomers: boolean): Html[] {
  return [
    html`<strong>Net sales</strong> are the sum of every line's amount: returns (lines with a negative amount) are subtracted. <strong>Gross sales</strong> add only positive amounts; the <strong>return rate</strong> is returns over gross sales.`,
    html`<strong>Average daily sales per store</strong> divide a store's net sales by the days it traded (days with at least one line), so closed days do not lower it.`,
    html`Weeks are ISO weeks, Monday first. A change against the <strong>previous period</strong> is shown only when the data covers a whole period of equal length before the one shown.`,
    html`The <strong>average fuel price</strong> is volume-weighted: fuel revenue divided by gallons sold, not the mean of posted prices.`,
    ...(hasCustomers ? [...RFM_METHOD_NOTES, ...CLUSTER_METHOD_NOTES].map((note) => html`${note}`) : []),
    html`The page's filters recompute figures from sums by ${grain} × store × region × channel × department × category × fuel type × segment × cluster carried in the page${
      grain === "day" ? "" : html` (sums by day would have made the page too large, so filtered time series are by ${grain})`
    }. Customer counts follow category, segment and cluster filters only; sub-categories follow only the command line's filters.`,
  ];
}
