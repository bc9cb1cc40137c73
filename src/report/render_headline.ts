// deno-fmt-ignore-file -- deno fmt would re-indent the markup inside the html templates
import type { SalesHeadline } from "../figures/sales/headline_from_sums.ts";
import type { SalesPeriod } from "../figures/sales/period_bounds.ts";
import type { NumberFormats } from "../figures/format/number_formats.ts";
import { formatValue } from "./format_value.ts";
import { html, type Html } from "./html.ts";
import type { ComparedFigure, SalesComparison } from "../figures/sales/sales_comparison.ts";
import { changeLine, type DifferenceKind } from "./render_change.ts";

/**
 * The headline figures as a list of cards, each with its change against the
 * previous period of equal length when the data covers it; given the
 * selection's `comparison`, against both the previous period and the same
 * days a year earlier (see {@linkcode changeLine}). Money shows
 * compactly so that it always fits its card (`$48.6M`); the exact amount is
 * the value's `title` (on hover), and its text for screen readers and on
 * focus (see {@linkcode moneyValue}).
 */
export function renderHeadline(
  headline: SalesHeadline,
  format: NumberFormats,
  comparison?: SalesComparison | null,
): Html {
  const money = (value: number | null) => moneyValue(value, format);
  const integer = (value: number | null) => formatValue(value, "integer", format);
  const change = headline.change;
  const compared = change !== null;
  const card = (
    id: string,
    label: string,
    value: string | Html,
    delta: number | null | undefined,
    detail?: string,
  ) =>
    html`<div class="card" data-figure="${id}"><dt>${label}</dt><dd>${typeof value === "string" ? html`<span class="value">${value}</span>` : value}${
      comparison ? compare(id, comparison, format) : delta === undefined || !compared ? "" : html` <span class="change${delta === null ? "" : delta >= 0 ? " up" : " down"}">${
        delta === null ? "no change to show" : `${formatValue(delta, "change", format)} vs previous period`
      }</span>`
    }${detail ? html` <span class="detail">${detail}</span>` : ""}</dd></div>`;
  const period = headline.period;
  return html`<dl class="headline">
${card("totalSales", "Net sales", money(headline.totalSales), change?.totalSales ?? null)}
${card("grossSales", "Gross sales", money(headline.grossSales), change?.grossSales ?? null)}
${card("returnsValue", "Returns", money(headline.returnsValue), change?.returnsValue ?? null, `${formatValue(headline.returnRate, "percent", format)} of gross sales, ${integer(headline.returnLines)} lines`)}
${card("saleLines", "Sale lines", integer(headline.saleLines), change?.saleLines ?? null)}
${card("transactions", "Transactions", integer(headline.transactions), change?.transactions ?? null, returnsApart(headline.returnTransactions, format))}
${card("averageBasket", "Average basket", money(headline.averageBasket), change?.averageBasket ?? null)}
${card("stores", "Stores", integer(headline.stores), undefined)}
${card("customers", "Customers", integer(headline.customers), change?.customers ?? null)}
${card("period", "Period", period ? `${period.from} to ${period.to}` : "no sales", undefined, period ? `${integer(period.days)} days` : undefined)}
</dl>
<p class="note">${
    comparison ? comparisonNote(headline.previousPeriod ?? comparison.previousPeriod, comparison) : compared && headline.previousPeriod
      ? `Changes compare with the previous ${headline.previousPeriod.days} days, ${headline.previousPeriod.from} to ${headline.previousPeriod.to}.`
      : "The data does not cover an earlier period of the same length, so there are no changes to compare."
  }</p>`;
}

/** How each compared card's difference reads. */
const DIFFERENCE: Partial<Record<string, DifferenceKind>> = {
  totalSales: "money",
  grossSales: "money",
  returnsValue: "money",
  saleLines: "integer",
  transactions: "integer",
  averageBasket: "money",
  customers: "integer",
};

/** A card's comparison lines, against the previous period and a year before. */
function compare(id: string, comparison: SalesComparison, format: NumberFormats): Html | string {
  const kind = DIFFERENCE[id];
  if (!kind) return "";
  const figure = comparison.headline[id as ComparedFigure];
  if (!figure.previous && !figure.yearAgo) {
    return html` <span class="change none">no earlier data to compare</span>`;
  }
  return html` ${changeLine(figure.previous, "previous", kind, format)} ${changeLine(figure.yearAgo, "yearAgo", kind, format)}`;
}

/** Under the cards: which periods they compare with. */
function comparisonNote(previous: SalesPeriod | null, comparison: SalesComparison): string {
  const yearAgo = comparison.yearAgoPeriod;
  const span = (p: { from: string; to: string }) => `${p.from} to ${p.to}`;
  return `Compared with the previous period of equal length (${
    previous ? span(previous) : "no earlier data"
  }) and with the same days a year earlier (${
    yearAgo ? span(yearAgo) : "no earlier data"
  }). ▲ up, ▼ down; blue up, orange down.`;
}

/** The transactions card's note: purchases only, returns counted apart. */
function returnsApart(
  returnTransactions: number | null,
  format: NumberFormats,
): string | undefined {
  if (returnTransactions === null) return undefined;
  return `purchases; ${format.integer(returnTransactions)} return transaction${
    returnTransactions === 1 ? "" : "s"
  } apart`;
}

/**
 * A money card's value: the compact amount shown, the exact one in the
 * `title` and in text that only screen readers read until the value has the
 * focus (Tab reaches it), when it shows under the card's figure.
 */
function moneyValue(value: number | null, format: NumberFormats): Html {
  if (value === null || !Number.isFinite(value)) {
    return html`<span class="value">—</span>`;
  }
  const exact = format.money(value);
  return html`<span class="value" tabindex="0" title="${exact}"><span aria-hidden="true">${format.compactMoney(value)}</span><span class="exact">${exact}</span></span>`;
}
