// deno-fmt-ignore-file -- deno fmt would re-indent the markup inside the html templates
import { aliveHeatmapChart } from "../../charts/value/alive_heatmap_chart.ts";
import { holdoutChart } from "../../charts/value/holdout_chart.ts";
import { valueDistributionChart } from "../../charts/value/value_distribution_chart.ts";
import type { HoldoutFigures } from "../../figures/value/holdout_figures.ts";
import type { ValueFigures } from "../../figures/value/value_figures.ts";
import { chartMarkup } from "../chart_markup.ts";
import { type Html, html } from "../html.ts";
import type { ViewContext } from "../render_sales_view.ts";
import { renderTable } from "../render_table.ts";
import { valueTables } from "./value_tables.ts";

/**
 * The customer-value section's content: what each customer is predicted
 * to be worth from here on (BG/NBD and Gamma-Gamma), in total, by segment
 * and cluster and for the most valuable customers, with the
 * probability-active heat map and, when asked for, the holdout check. When
 * the models cannot be fitted it says so, and why, instead.
 */
export function renderValueView(
  figures: ValueFigures | null,
  context: ViewContext,
): Html {
  if (!figures) {
    return html`<p class="notice">The data has no customer ids, so there is no predicted customer value.</p>`;
  }
  const { integer, wholeMoney, percent, number } = context.format;
  const { weeks, months, monthlyDiscount } = figures.settings;
  const byId = new Map(valueTables(figures).map((t) => [t.id, t]));
  const options = { document: context.document, width: context.width, format: context.format };
  const figure = (id: string, element: Element) =>
    html`<figure class="chart" id="chart-${id}">${chartMarkup(element, { headingLevel: 4 })}</figure>`;
  const scope = html`<p class="notice">Predicted from each customer's purchase days up to ${figures.calibrationEnd} (${integer(figures.customers)} customers, ${integer(figures.repeatCustomers)} of whom bought on more than one day); the page's filters do not change these figures.</p>`;
  const holdout = renderHoldout(figures.holdout, context);
  if (!figures.fitted) {
    return html`${scope}
<p class="notice" id="value-not-fitted"><strong>No predicted value.</strong> ${figures.reason}. The section shows no prediction rather than one the data cannot support.</p>
${holdout}`;
  }
  const { totals } = figures;
  const card = (label: string, value: string, detail: string) =>
    html`<div class="card"><dt>${label}</dt><dd><span class="value">${value}</span><span class="detail">${detail}</span></dd></div>`;
  const table = (id: string) => byId.has(id) ? renderTable(byId.get(id)!, context.format) : "";
  return html`${scope}
<h3 id="h-value-predicted">What customers are worth from here on</h3>
<dl class="value-cards">${card(`Predicted ${months}-month value`, wholeMoney(totals.value), `discounted ${percent(monthlyDiscount)} a month`)}${
    card("Average per customer", wholeMoney(totals.averageValue), `${integer(figures.customers)} customers`)
  }${card(`Expected purchases, next ${weeks} weeks`, integer(totals.expectedPurchases), `${number(totals.expectedPurchases / Math.max(1, figures.customers))} per customer`)}${
    card("Expected active customers", integer(totals.expectedActive), `${percent(totals.expectedActive / Math.max(1, figures.customers))} of customers`)
  }</dl>
<div class="charts">${figure("value-distribution", valueDistributionChart(figures.distribution, { ...options, months }))}${
    figure("alive-heatmap", aliveHeatmapChart(figures.aliveGrid, options))
  }</div>
${table("value-top-customers")}
${table("value-by-segment")}
${table("value-by-cluster")}
${holdout}
<details class="value-params"><summary>Model parameters</summary>
<p>Purchases and drop-out (BG/NBD, ${integer(figures.params.bgNbd.customers)} customers): r = ${figures.params.bgNbd.r.toFixed(3)}, α = ${figures.params.bgNbd.alpha.toFixed(3)}, a = ${figures.params.bgNbd.a.toFixed(3)}, b = ${figures.params.bgNbd.b.toFixed(3)}; log-likelihood ${figures.params.bgNbd.logLikelihood.toFixed(1)}. Spend per purchase (Gamma-Gamma, ${integer(figures.params.gammaGamma.customers)} repeat customers): p = ${figures.params.gammaGamma.p.toFixed(3)}, q = ${figures.params.gammaGamma.q.toFixed(3)}, γ = ${figures.params.gammaGamma.gamma.toFixed(3)}; log-likelihood ${figures.params.gammaGamma.logLikelihood.toFixed(1)}.</p>
</details>`;
}

/** The holdout check: the chart and table, or why there is none. */
function renderHoldout(holdout: HoldoutFigures | null, context: ViewContext): Html {
  if (!holdout) return html``;
  const { integer, number } = context.format;
  const heading = html`<h3 id="h-value-holdout">Holdout check: ${holdout.from} to ${holdout.to}</h3>`;
  if (!holdout.fitted) {
    return html`${heading}<p class="notice" id="value-holdout-not-fitted"><strong>No holdout check.</strong> ${holdout.reason} (purchases up to ${holdout.calibrationEnd}).</p>`;
  }
  const table = valueTables({ settings: { weeks: 0, months: 0, monthlyDiscount: 0 }, calibrationEnd: holdout.calibrationEnd, customers: 0, repeatCustomers: 0, holdout, fitted: false, reason: "" })[0];
  const gap = holdout.actual > 0 ? (holdout.predicted - holdout.actual) / holdout.actual : 0;
  return html`${heading}
<p>Fitted again to the purchases up to ${holdout.calibrationEnd} only, the model predicted ${number(holdout.predicted)} purchases by its ${integer(holdout.customers)} customers over the next ${number(holdout.weeks)} weeks; they made ${integer(holdout.actual)} (${gap >= 0 ? "+" : ""}${(100 * gap).toFixed(1)}%).</p>
<div class="charts">${html`<figure class="chart" id="chart-value-holdout">${chartMarkup(holdoutChart(holdout.rows, { document: context.document, width: context.width, format: context.format, from: holdout.from, to: holdout.to }), { headingLevel: 4 })}</figure>`}</div>
${renderTable(table, context.format)}`;
}
