/**
 * The most rows a table may have to be kept whole on a printed page (A4 or
 * Letter, at the print stylesheet's size); a longer one is marked `long`
 * (its wrapper)
 * and breaks between rows.
 */
export const LONG_TABLE_ROWS = 40;

/**
 * The report page on paper (A4 and Letter alike): no filter bar or buttons,
 * every folded table unfolded, charts and short tables kept whole on a
 * page, long tables broken between rows with their header repeated, and
 * nothing wider than the page (wide tables wrap their cells). The browser
 * test tests/report/print_browser_test.ts checks it on the real data set.
 */
export const PRINT_CSS = `
@media print {
  @page { margin: 12mm 10mm; }
  form.filters, nav.sections, .skip, .table-tools button, .chart-tools { display: none !important; }
  body { font-size: 10pt; }
  header.page, main { max-width: none; padding: 0; }
  h2 { margin-top: 1rem; }
  h2, h3, h4, caption { break-after: avoid; }
  details::details-content { content-visibility: visible; display: block; }
  details:not([open]) > :not(summary) { display: block; }
  details.table > summary { display: none; }
  .charts { display: block; }
  figure.chart { break-inside: avoid; margin-bottom: 1rem; }
  figure.chart svg { max-height: 200mm; }
  .table-wrap { overflow: visible; }
  table { max-width: 100%; font-size: 9pt; }
  th, td { padding: .15rem .3rem; overflow-wrap: break-word; }
  td.num { white-space: nowrap; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; }
  div:not(.long) > table, .card, dl.headline { break-inside: avoid; }
  details.table table { font-size: 8.5pt; }
  .notice { border-left-width: 2px; }
}
`;
