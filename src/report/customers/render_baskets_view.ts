// deno-fmt-ignore-file -- deno fmt would re-indent the markup inside the html templates
import { basketPairsChart } from "../../charts/baskets/basket_pairs_chart.ts";
import { productParetoChart } from "../../charts/baskets/product_pareto_chart.ts";
import {
  type BasketFigures,
  type BasketLevelFigures,
  LEVEL_NOUNS,
} from "../../figures/baskets/basket_figures.ts";
import type { ProductFigures } from "../../figures/products/product_figures.ts";
import { basketLevelTables, productTables } from "./basket_tables.ts";
import { chartMarkup } from "../chart_markup.ts";
import { type Html, html } from "../html.ts";
import type { ViewContext } from "../render_sales_view.ts";
import { renderTable } from "../render_table.ts";

const STATIC_NOTE =
  "Computed on the report's whole selection (its command-line filters, up to the as-of date); the page's filters do not change this section.";

/**
 * The "What sells together" section's content: for each level (categories,
 * sub-categories, products) the strongest pairs as a ranked chart and a
 * table, the triples, and the pairs of each RFM segment and cluster; a
 * plain notice when there is no basket to analyse.
 */
export function renderBasketsView(
  figures: BasketFigures,
  context: ViewContext,
): Html {
  const { integer } = context.format;
  const intro = html`<p class="notice">${STATIC_NOTE}</p>
<p>${integer(figures.transactions)} purchase transactions; ${integer(figures.multiLineTransactions)} of them hold two sale lines or more.</p>`;
  if (figures.note !== null) {
    return html`${intro}<p class="notice">${figures.note}</p>`;
  }
  if (figures.levels.length === 0) {
    return html`${intro}<p class="notice">The data has a single category and no sub-categories or products, so there is nothing to pair.</p>`;
  }
  return html`${intro}
<p>A basket is a purchase transaction; its items are the distinct categories, sub-categories or products of its sale lines (returns left out). <strong>Support</strong> is the share of baskets holding both items, <strong>confidence</strong> first → second the share of baskets with the first that also hold the second, and <strong>lift</strong> how many times more often the two are bought together than if they were bought independently: above 1 they go together, below 1 they exclude each other.</p>
${figures.levels.map((level) => renderLevel(level, context))}`;
}

function renderLevel(level: BasketLevelFigures, context: ViewContext): Html {
  const [noun, plural] = LEVEL_NOUNS[level.level];
  const { integer } = context.format;
  const id = level.level.replace("_", "-");
  const [all] = level.scopes;
  const tables = basketLevelTables(level);
  const heading = html`<h3 id="h-baskets-${id}">Pairs of ${plural}</h3>`;
  const facts = html`<p>${integer(all?.baskets ?? 0)} baskets with a ${noun}, ${integer(all?.multiItemBaskets ?? 0)} of them with two ${plural} or more, among ${integer(level.items)} ${plural}; ${integer(all?.pairsFound ?? 0)} pairs are bought together in at least ${integer(level.minCount)} baskets${
    all && all.pairsFound > all.pairs.length ? html`, the ${integer(all.pairs.length)} strongest shown` : ""
  }.</p>`;
  if (!all || all.multiItemBaskets === 0) {
    return html`${heading}${facts}<p class="notice">No basket holds two ${plural}, so none are bought together.</p>`;
  }
  if (all.pairs.length === 0) {
    return html`${heading}${facts}<p class="notice">No pair of ${plural} is bought together in ${integer(level.minCount)} baskets or more.</p>`;
  }
  const chart = basketPairsChart(all.pairs, {
    document: context.document,
    width: context.width,
    format: context.format,
    level: level.level,
  });
  return html`${heading}${facts}
<div class="charts"><figure class="chart" id="chart-basket-pairs-${id}">${chartMarkup(chart, { headingLevel: 4 })}</figure></div>
${tables.map((t) => renderTable(t, context.format))}
${level.triplesNote ? html`<p class="note">${level.triplesNote}</p>` : ""}`;
}

/**
 * The "Products" section's content: the Pareto (ABC) curve with the top
 * 20% share, and the top products by net sales and by customers.
 */
export function renderProductsView(
  figures: ProductFigures,
  context: ViewContext,
): Html {
  const { integer, percent, money } = context.format;
  const [a, b, c] = figures.abc.classes;
  const chart = productParetoChart(figures.curve, {
    document: context.document,
    width: context.width,
    format: context.format,
    top20: {
      productShare: figures.abc.top20Count / Math.max(1, figures.products),
      share: figures.abc.top20Share,
    },
  });
  const classText = (row: typeof a) =>
    `${integer(row.products)} in class ${row.abcClass} (${percent(row.productShare)} of products) hold ${percent(row.salesShare)} of net sales`;
  return html`<p class="notice">${STATIC_NOTE}</p>
<p>${integer(figures.products)} products. The top 20% of them (${integer(figures.abc.top20Count)} products) hold <strong>${percent(figures.abc.top20Share)}</strong> of net sales. ${classText(a)}; ${classText(b)}; ${classText(c)}.${
    figures.linesWithoutProduct
      ? ` ${integer(figures.linesWithoutProduct)} sale lines without a product id (net ${money(figures.netSalesWithoutProduct)}) are left out.`
      : ""
  }</p>
<div class="charts"><figure class="chart" id="chart-product-pareto">${chartMarkup(chart, { headingLevel: 3 })}</figure></div>
${productTables(figures).map((t) => renderTable(t, context.format))}`;
}

/** The Methods section's notes on baskets, and on products when the data has them. */
export function basketMethodNotes(products: ProductFigures | null): Html[] {
  return [
    html`<strong>What sells together</strong>: a basket is a purchase transaction (a transaction id with a sale line); its items are the distinct categories, sub-categories (within their category) or products of its sale lines, returns left out. Support = baskets with both items / baskets; confidence A → B = baskets with both / baskets with A; lift = support of both / (support of A × support of B). Pairs are listed when they are in at least 3 baskets and one in a thousand of the level's baskets (the number is given with each level), strongest lift first; a triple shows its rule {X, Y} → Z of highest confidence.`,
    ...(products
      ? [html`<strong>ABC classes</strong>: products ranked by net sales; a product is A while those ranked above it hold less than 80% of all products' net sales, B while they hold less than 95%, else C. The top 20% are the first ⌈n / 5⌉ products.`]
      : []),
  ];
}
