// deno-fmt-ignore-file -- deno fmt would re-indent the markup inside the html templates
import { addDays } from "../model/calendar.ts";
import {
  type NumberFormats,
  numberFormats,
} from "../figures/format/number_formats.ts";
import { type Html, html, jsonForScript, unsafeRawHtml } from "./html.ts";
import { REPORT_CSS } from "./report_css.ts";
import { MIGRATION_END, MIGRATION_START } from "./customers/render_migration_view.ts";
import { generatedAtText } from "./generated_at_text.ts";
import type { ReportModel } from "./report_model.ts";
import type { LookupCheck } from "../source/load_report.ts";
import { encodingsText } from "../source/csv_encoding.ts";
import type { FilterState } from "./filter_state.ts";
import type { PeriodShortcut } from "../figures/sales/period_shortcuts.ts";
import { PERIOD_CSS, renderPeriodButtons } from "./slots/period_buttons.ts";

/** The values each filter offers, from the data. */
export interface FilterOptions {
  categories: string[];
  regions: string[];
  stores: string[];
  channels: string[];
  segments: string[];
  clusters: string[];
  from: string | null;
  to: string | null;
  /** The period shortcuts beside the dates (see `periodShortcuts`); none when absent. */
  periods?: readonly PeriodShortcut[];
}

/** What {@linkcode renderReport} puts together. */
export interface ReportPage {
  model: ReportModel;
  /** The sales view (headline, charts, tables) for the model's selection. */
  salesView: Html;
  fuelView: Html;
  customersView: Html;
  /** The customer-value section's content; no section without it. */
  valueView?: Html;
  /** What sells together; no section when absent. */
  basketsView?: Html;
  /** Products; no section when absent or null (the data has no product ids). */
  productsView?: Html | null;
  /** The cohorts section's content; no section without it. */
  cohortsView?: Html;
  /** The "Who moved" section's content; no section without it. */
  migrationView?: Html;
  filterOptions: FilterOptions;
  /** Data the page's script reads (the cube and what the views need), as JSON. */
  pageData: unknown;
  /** The bundled page script; null renders a page without filters. */
  script: string | null;
  /** Method notes, one item each. */
  methods: Html[];
}

/**
 * Renders the whole report page: one self-contained HTML file with inline
 * CSS, SVG, data and script, that makes no request.
 */
export function renderReport(page: ReportPage): string {
  const { model } = page;
  const p = model.parameters;
  const filters = describeFilters(p.filters);
  const doc = html`
    <!DOCTYPE html>
    <html lang="en">
      <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="generator" content="Basket">
        <title>Sales report: ${model.data.from ?? ""} to ${model.data.to ??
          ""}</title>
        <style>${unsafeRawHtml(REPORT_CSS + PERIOD_CSS)}</style>
      </head>
      <body>
    <a class="skip" href="#main">Skip to the report</a>
    <header class="page">
    <h1>Sales report</h1>
    <dl class="meta">
    <dt>Data</dt><dd>${model.data.source}</dd>
    <dt>Period</dt><dd>${model.data.from ?? "no sales"}${model.data.to
      ? ` to ${model.data.to}`
      : ""}</dd>
    <dt>As of</dt><dd>${p.asOf ?? (model.data.to
      ? `${addDays(model.data.to, 1)} (the day after the last sale)`
      : "the day after the last sale")}</dd>
    <dt>Generated</dt><dd><time datetime="${model.generatedAt}">${generatedAtText(
      model.generatedAt)}</time></dd>
    <dt>Seed</dt><dd>${p.seed}</dd>
    <dt>Clusters</dt><dd>${p.k === null
      ? "k chosen by silhouette"
      : `k = ${p.k}`}</dd>
    ${filters
      ? html`
        <dt>Built with filters</dt>
        <dd>${filters}</dd>
      `
      : ""}
    </dl>
    </header>
    <nav class="sections" aria-label="Sections"><ul>${
      model.sales.comparison ? html`<li><a href="#what-changed">What changed</a></li>` : ""
    }
    <li><a href="#headline">Headline</a></li><li><a href="#sales">Sales</a></li>${html`${
      model.sales.fuel ? html`<li><a href="#fuel">Fuel</a></li>` : ""
    }`}<li><a href="#customers">Customers</a></li>${
      page.cohortsView ? html`<li><a href="#cohorts">Cohorts</a></li>` : ""
    }${
      page.migrationView ? html`<li><a href="#migration">Who moved</a></li>` : ""
    }${
      page.valueView ? html`<li><a href="#value">Customer value</a></li>` : ""
    }${
      page.basketsView ? html`<li><a href="#baskets">Bought together</a></li>` : ""
    }${
      page.productsView ? html`<li><a href="#products">Products</a></li>` : ""
    }<li><a href="#data-quality">Data quality</a></li><li><a href="#methods">Methods</a></li>
    </ul></nav>
    ${page.script ? renderFilterForm(page.filterOptions) : ""}
    <main id="main">
    <div data-slot="sales-view">${page.salesView}</div>
    <section id="fuel" aria-labelledby="h-fuel"${model.sales.fuel ? "" : html`
      hidden
    `}><h2 id="h-fuel">Fuel</h2><div data-slot="fuel-view">${page
      .fuelView}</div></section>
    <section id="customers" aria-labelledby="h-customers"><h2 id="h-customers">Customers</h2><div data-slot="customers-view">${page
      .customersView}</div></section>
    ${page.cohortsView
      ? html`<section id="cohorts" aria-labelledby="h-cohorts"><h2 id="h-cohorts">Cohorts</h2><div data-slot="cohorts-view">${page.cohortsView}</div></section>`
      : ""}
    ${page.migrationView
      ? html`<section id="migration" aria-labelledby="h-migration"><h2 id="h-migration">Who moved</h2>${unsafeRawHtml(MIGRATION_START)}${page.migrationView}${unsafeRawHtml(MIGRATION_END)}</section>`
      : ""}
    ${page.valueView ? html`<section id="value" aria-labelledby="h-value"><h2 id="h-value">Customer value</h2><div data-slot="value-view">${page.valueView}</div></section>` : ""}
    ${page.basketsView
      ? html`<section id="baskets" aria-labelledby="h-baskets"><h2 id="h-baskets">What sells together</h2>${page.basketsView}</section>`
      : ""}
    ${page.productsView
      ? html`<section id="products" aria-labelledby="h-products"><h2 id="h-products">Products</h2>${page.productsView}</section>`
      : ""}
    ${renderDataQuality(model)}
    <section id="methods" aria-labelledby="h-methods"><h2 id="h-methods">Methods</h2><ul class="methods">${page
      .methods.map((m) => html`<li>${m}</li>`)}</ul></section>
    </main>
    ${page.script
      ? html`<script type="application/json" id="basket-data">${
        jsonForScript(page.pageData)
      }</script>
<script type="module">${
        unsafeRawHtml(page.script.replaceAll("</script", "<\\/script"))
      }</script>`
      : ""}
      </body>
    </html>
  `;
  return doc.markup;
}

function renderFilterForm(options: FilterOptions): Html {
  const group = (name: string, label: string, values: string[]) =>
    values.length > 1
      ? html`
        <details data-filter="${name}">
          <summary>${label} <span class="count">(all)</span></summary>
          <fieldset><legend class="skip">${label}</legend>${values.map((v) =>
            html`<label><input type="checkbox" name="${name}" value="${v}"> ${v}</label>`
          )}</fieldset>
        </details>
      `
      : "";
  return html`<form class="filters" id="filters" aria-label="Filters">
${group("category", "Category", options.categories)}
${group("region", "Region", options.regions)}
${group("store", "Store", options.stores)}
${group("channel", "Channel", options.channels)}
${group("segment", "RFM segment", options.segments)}
${group("cluster", "Cluster", options.clusters)}
<span class="dates"><label>From <input type="date" name="from" min="${
    options.from ?? ""
  }" max="${
    options.to ?? ""
  }"></label><label>To <input type="date" name="to" min="${
    options.from ?? ""
  }" max="${options.to ?? ""}"></label></span>
${renderPeriodButtons(options.periods ?? [])}
<button type="reset" id="reset-filters">Reset filters</button>
<p class="status" role="status" aria-live="polite" id="filter-status">Showing all sales</p>
</form>`;
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * What loading found in a lookup file, in words (inspect prints the same).
 *
 * @example
 * ```ts
 * import { lookupText } from "./render_report.ts";
 * const check = { what: "customers", file: "d/Customer.csv", field: "region" };
 * const clean = lookupText({ ...check, repeatedRows: 0, unmatchedLines: 0 });
 * if (clean !== "no repeated row; every sale line's customer is in it") throw new Error(clean);
 * const found = lookupText({ ...check, repeatedRows: 1, unmatchedLines: 3 });
 * if (found !== '1 repeated row dropped; 3 sale lines with a customer it lacks, kept as "(unknown)"') throw new Error(found);
 * ```
 */
export function lookupText(
  l: LookupCheck,
  format: NumberFormats = numberFormats(),
): string {
  const formatInteger = format.integer;
  const field = l.field === "region" ? "customer" : "sub-category";
  if (l.repeatedRows === 0 && l.unmatchedLines === 0) {
    return `no repeated row; every sale line's ${field} is in it`;
  }
  return `${formatInteger(l.repeatedRows)} repeated ${
    l.repeatedRows === 1 ? "row" : "rows"
  } dropped; ${formatInteger(l.unmatchedLines)} sale ${
    l.unmatchedLines === 1 ? "line" : "lines"
  } with a ${field} it lacks, kept as "(unknown)"`;
}

function renderDataQuality(model: ReportModel): Html {
  const d = model.data;
  const format = numberFormats(model.parameters);
  const { integer: formatInteger, money: formatMoney } = format;
  return html`
    <section id="data-quality"
      aria-labelledby="h-data-quality"><h2 id="h-data-quality">Data quality</h2>
    <dl class="meta">
    <dt>Source</dt><dd>${d.kind}${d.files.length
      ? `: ${d.files.map((f) => f.split("/").pop()).join(", ")}`
      : ""}</dd>
    ${d.encodings.length
      ? html`<dt>Encoding</dt><dd>${encodingsText(d.encodings)}</dd>`
      : ""}
    <dt>Rows read</dt><dd>${formatInteger(d.rows)}</dd>
    <dt>Rows rejected</dt><dd>${formatInteger(d.rejectedRows)}</dd>
    <dt>Returns</dt><dd>${formatInteger(d.returns.lines)} lines, ${formatMoney(
      d.returns.amount,
    )}</dd>
    <dt>Duplicate lines</dt><dd>${formatInteger(d.duplicates)} (kept)</dd>${d.lookups.map((l) =>
      html`<dt>${capitalised(l.what)} (${l.file.split("/").pop()})</dt><dd>${
        lookupText(l, format)
      }</dd>`
    )}
    <dt>Stores</dt><dd>${formatInteger(d.stores)}</dd>
    <dt>Customers</dt><dd>${formatInteger(d.customers)}</dd>${d.engine
      ? html`
    <dt>Engine</dt><dd>${d.engine.name}: ${formatInteger(
        d.engine.rowsScanned,
      )} lines summed where they are, in ${formatInteger(
        d.engine.queries,
      )} queries; ${formatInteger(d.engine.rowsReturned)} result rows, ${
        formatInteger(Math.ceil(d.engine.bytesReturned / 1000))
      } kB returned</dd>`
      : ""}
    </dl>
    ${d.rejectReasons.length
      ? html`
        <div class="table-wrap">
          <table>
            <caption>Rejected rows by reason</caption>
            <thead>
              <tr>
                <th scope="col">Reason</th>
                <th scope="col" class="num">Rows</th>
              </tr>
            </thead>
            <tbody>${d.rejectReasons.map((r) =>
              html`
                <tr>
                  <th scope="row">${r.reason}</th>
                  <td class="num">${formatInteger(r.count)}</td>
                </tr>
              `
            )}</tbody>
          </table>
        </div>
        <p
          class="note">Every rejected row, with its file, row number and reason, is in rejected_rows.csv, one of this report's files (in a locked report, one of its downloads once it is open).</p>
      `
      : ""}
    ${d.columns.length
      ? html`
        <details>
          <summary>Which column fed which field</summary>
          <ul>${d.columns.map((c) =>
            html`<li>${c.field} ← ${c.file.split("/").pop()}: ${c.column}</li>`
          )}</ul>
        </details>
      `
      : ""}
    </section>
  `;
}

/** Describes command-line filters in words, or "" when there are none. */
export function describeFilters(filters: FilterState): string {
  const parts: string[] = [];
  const list = (label: string, values?: string[]) => {
    if (values?.length) parts.push(`${label} ${values.join(", ")}`);
  };
  list("category", filters.categories);
  list("region", filters.regions);
  list("store", filters.stores);
  list("channel", filters.channels);
  list("segment", filters.segments);
  list("cluster", filters.clusters);
  if (filters.from) parts.push(`from ${filters.from}`);
  if (filters.to) parts.push(`to ${filters.to}`);
  return parts.join("; ");
}
