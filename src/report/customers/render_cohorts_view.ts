// deno-fmt-ignore-file -- deno fmt would re-indent the markup inside the html templates
import {
  type CohortCells,
  type CohortSelection,
  cohortTable,
} from "../../figures/cohorts/cohort_table.ts";
import { renderChart } from "../slots/chart_slots.ts";
import { COHORT_CHARTS } from "./cohort_charts.ts";
import { cohortTables } from "./cohort_tables.ts";
import { type Html, html } from "../html.ts";
import type { ViewContext } from "../render_sales_view.ts";
import { renderTable } from "../render_table.ts";

/** Which filters the cohorts follow, in words (the section and the method notes say it). */
export const COHORT_FILTER_NOTE =
  "Cohorts follow the RFM segment and cluster filters, the command line's and the page's: they choose which customers are counted. Category, region, store, channel and date filters do not change them: a cohort is fixed by a customer's first purchase anywhere, up to the as-of date, and a filter on lines would move it.";

/**
 * The cohorts section's content for a selection of segments and clusters:
 * a sentence on what it counts, the heat map and the tables. The server
 * renders it for the whole selection, the page's script again for the
 * reader's segment and cluster filters. A notice when the data has no
 * customer ids.
 */
export function renderCohortsView(
  cells: CohortCells | null,
  selection: CohortSelection,
  context: ViewContext,
): Html {
  if (!cells) {
    return html`<p class="notice">The data has no customer ids, so there are no cohorts.</p>`;
  }
  const table = cohortTable(cells, selection);
  if (table.rows.length === 0) {
    return html`<p class="notice">${COHORT_FILTER_NOTE}</p><p class="notice">No customer of the selected segments and clusters has a purchase.</p>`;
  }
  const [summary, long] = cohortTables(table);
  const { integer } = context.format;
  const customers = table.rows.reduce((s, r) => s + r.customers, 0);
  return html`<p class="notice">${COHORT_FILTER_NOTE}</p>
<p>${integer(customers)} ${customers === 1 ? "customer" : "customers"} in ${integer(table.rows.length)} ${table.rows.length === 1 ? "cohort" : "cohorts"}, by the month of their first purchase (a line with a positive amount). Each later month counts the cohort's customers with a purchase in it and the net sales of all its customers in it. ${
    table.partialMonth
      ? `The data ends on ${table.lastDate}, inside ${table.partialMonth}: that month is in progress and left blank, never zero, and later months are not shown.`
      : `The data ends on ${table.lastDate}, the last day of its month: every month shown is complete.`
  }</p>
<div class="charts">${renderChart(COHORT_CHARTS[0], table, context, 3)}</div>
${renderTable(summary, context.format)}
<p class="table-tools">Every month of every cohort, with its customers buying, share and net sales: <button type="button" class="csv" data-table="${long.id}">Download ${long.title} as CSV</button> (${integer(long.rows.length)} rows).</p>`;
}
