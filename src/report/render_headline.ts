// deno-fmt-ignore-file -- deno fmt would re-indent the markup inside the html templates
import type { SalesHeadline } from "../figures/sales/headline_from_sums.ts";
import { formatValue } from "./format_value.ts";
import { html, type Html } from "./html.ts";

/**
 * The headline figures as a list of cards, each with its change against the
 * previous period of equal length when the data covers it.
 */
export function renderHeadline(headline: SalesHeadline): Html {
  const change = headline.change;
  const compared = change !== null;
  const card = (
    id: string,
    label: string,
    value: string,
    delta: number | null | undefined,
    detail?: string,
  ) =>
    html`<div class="card" data-figure="${id}"><dt>${label}</dt><dd><span class="value">${value}</span>${
      delta === undefined || !compared ? "" : html` <span class="change${delta === null ? "" : delta >= 0 ? " up" : " down"}">${
        delta === null ? "no change to show" : `${formatValue(delta, "change")} vs previous period`
      }</span>`
    }${detail ? html` <span class="detail">${detail}</span>` : ""}</dd></div>`;
  const period = headline.period;
  return html`<dl class="headline">
${card("totalSales", "Net sales", formatValue(headline.totalSales, "money"), change?.totalSales ?? null)}
${card("grossSales", "Gross sales", formatValue(headline.grossSales, "money"), change?.grossSales ?? null)}
${card("returnsValue", "Returns", formatValue(headline.returnsValue, "money"), change?.returnsValue ?? null, `${formatValue(headline.returnRate, "percent")} of gross sales, ${formatValue(headline.returnLines, "integer")} lines`)}
${card("saleLines", "Sale lines", formatValue(headline.saleLines, "integer"), change?.saleLines ?? null)}
${card("transactions", "Transactions", formatValue(headline.transactions, "integer"), change?.transactions ?? null, returnsApart(headline.returnTransactions))}
${card("averageBasket", "Average basket", formatValue(headline.averageBasket, "money"), change?.averageBasket ?? null)}
${card("stores", "Stores", formatValue(headline.stores, "integer"), undefined)}
${card("customers", "Customers", formatValue(headline.customers, "integer"), change?.customers ?? null)}
${card("period", "Period", period ? `${period.from} to ${period.to}` : "no sales", undefined, period ? `${formatValue(period.days, "integer")} days` : undefined)}
</dl>
<p class="note">${
    compared && headline.previousPeriod
      ? `Changes compare with the previous ${headline.previousPeriod.days} days, ${headline.previousPeriod.from} to ${headline.previousPeriod.to}.`
      : "The data does not cover an earlier period of the same length, so there are no changes to compare."
  }</p>`;
}

/** The transactions card's note: purchases only, returns counted apart. */
function returnsApart(returnTransactions: number | null): string | undefined {
  if (returnTransactions === null) return undefined;
  return `purchases; ${formatValue(returnTransactions, "integer")} return transaction${
    returnTransactions === 1 ? "" : "s"
  } apart`;
}
