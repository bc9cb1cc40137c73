// deno-fmt-ignore-file -- deno fmt would re-indent the markup inside the html templates
import type { NumberFormats } from "../figures/format/number_formats.ts";
import { formatValue } from "./format_value.ts";
import { html, type Html } from "./html.ts";
import { LONG_TABLE_ROWS } from "./print_css.ts";
import { chartFilterHref } from "./slots/chart_filter.ts";
import type { TableColumn, TableSpec } from "./table_spec.ts";

/**
 * Renders a report table: a captioned `<table>` with column headers, numbers
 * right-aligned, and a button that downloads the table as CSV in the page.
 * A table of more rows than fit on a printed page is marked `long` (its
 * wrapper), to break between rows on paper rather than move whole.
 */
export function renderTable(table: TableSpec, format: NumberFormats): Html {
  const numeric = (kind: string) => kind !== "text";
  const cellClass = (kind: string) => numeric(kind) ? html` class="num"` : "";
  const value = (c: TableColumn, v: unknown) =>
    c.filter && typeof v === "string"
      ? html`<a href="${chartFilterHref({ [c.filter]: v })}" data-filter-link>${v}</a>`
      : formatValue(v, c.kind, format);
  const body = table.rows.length
    ? table.rows.map((row) =>
      html`<tr>${
        table.columns.map((c, i) =>
          i === 0
            ? html`<th scope="row">${value(c, row[c.key])}</th>`
            : html`<td${cellClass(c.kind)}>${value(c, row[c.key])}</td>`
        )
      }</tr>`
    )
    : html`<tr><td colspan="${table.columns.length}" class="empty">No sales match the filters</td></tr>`;
  const content = html`<div class="table-wrap${table.rows.length > LONG_TABLE_ROWS ? " long" : ""}" tabindex="0" role="region" aria-label="${table.title}"><table id="table-${table.id}">
<caption>${table.title}</caption>
<thead><tr>${table.columns.map((c) => html`<th scope="col"${cellClass(c.kind)}>${c.label}</th>`)}</tr></thead>
<tbody>${body}</tbody>
</table></div>
<p class="table-tools">${table.note ? html`<span class="note">${table.note}</span> ` : ""}<button type="button" class="csv" data-table="${table.id}">Download ${table.title} as CSV</button></p>`;
  return table.folded
    ? html`<details class="table"><summary>${table.title} (${table.rows.length} rows)</summary>${content}</details>`
    : html`<div class="table">${content}</div>`;
}
