// deno-fmt-ignore-file -- deno fmt would re-indent the markup inside the html templates
import { renderCharts } from "./slots/chart_slots.ts";
import { CLUSTER_CHARTS, customerChartData, RFM_CHARTS } from "./slots/customer_charts.ts";
import type { CustomerFigures } from "./customer_model.ts";
import { customerTables } from "./customer_tables.ts";
import {
  clustersSentence,
  clusterStrength,
  customerFiltersText,
  weakClustersLead,
} from "./customer_words.ts";
import { type Html, html } from "./html.ts";
import type { ViewContext } from "./render_sales_view.ts";
import { renderTable } from "./render_table.ts";

/**
 * The customers section's content: how they buy (RFM segments) and what
 * they buy (clusters), with their charts and tables; a notice when the
 * data has no customer ids. When the clusters are weak, it says first, in
 * plain words, that customers do not split by what they buy; k and the
 * silhouette are in the Methods section (clusterMethodNotes).
 */
export function renderCustomersView(
  figures: CustomerFigures | null,
  context: ViewContext,
): Html {
  if (!figures) {
    return html`
            <p
              class="notice">The data has no customer ids, so there is no customer segmentation.</p>
          `;
  }
  const { rfm, clusters } = figures;
  const byId = new Map(customerTables(figures).map((t) => [t.id, t]));
  const { integer: formatInteger, money: formatMoney } = context.format;
  return html`${weakClustersLead(figures)}<p class="notice">${customerFiltersText(rfm.asOf)}</p>
<p>${formatInteger(rfm.count)} customers scored. ${
    rfm.excluded.returnOnlyCustomers
      ? `${formatInteger(rfm.excluded.returnOnlyCustomers)} customers with only returns (net ${formatMoney(rfm.excluded.returnOnlyNetSpend)}) are left out. `
      : ""
  }${
    rfm.excluded.anonymousLines
      ? `${formatInteger(rfm.excluded.anonymousLines)} sale lines without a customer id (net ${formatMoney(rfm.excluded.anonymousNetSpend)}) belong to no customer.`
      : ""
  }</p>
<h3 id="h-rfm">How they buy: RFM segments</h3>
${renderCharts(RFM_CHARTS, customerChartData(figures), context, 4)}
${renderTable(byId.get("rfm-segments")!, context.format)}
<h3 id="h-clusters">What they buy: ${clusterStrength(clusters) === "weak" ? "leanings, not distinct groups" : "clusters"}</h3>
${clusters.k > 1 ? renderClusters(figures, context) : html`<p class="notice">${clusters.note ?? "One cluster: customers do not split by what they buy"}</p>`}`;
}

/** The clusters' charts and tables, when there are two clusters or more. */
function renderClusters(figures: CustomerFigures, context: ViewContext): Html {
  const { clusters } = figures;
  const byId = new Map(customerTables(figures).map((t) => [t.id, t]));
  return html`${clusters.note ? html`<p>${clusters.note}</p>` : ""}${clustersSentence(figures, context.format)}
${renderCharts(CLUSTER_CHARTS, customerChartData(figures), context, 4)}
${renderTable(byId.get("clusters")!, context.format)}
${renderTable(byId.get("segment-by-cluster")!, context.format)}`;
}
