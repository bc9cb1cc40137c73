import { PRINT_CSS } from "./print_css.ts";

/** The report page's stylesheet: screen from 375 px up, and print. */
export const REPORT_CSS = `
:root { --ink: #1d2330; --muted: #5b6473; --line: #d9dde3; --accent: #2f5fb3; --bg: #fff; --soft: #f4f6f9; --up: #1d5fa6; --down: #a74c00; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: var(--bg); }
a { color: var(--accent); }
.skip { position: absolute; left: -999px; }
.skip:focus { left: 1rem; top: 1rem; background: #fff; padding: .5rem; z-index: 10; }
header.page, main, nav.sections, form.filters { max-width: 1280px; margin: 0 auto; padding: 0 1rem; }
header.page { padding-top: 1.5rem; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
h2 { font-size: 1.3rem; margin: 2rem 0 .75rem; padding-top: .5rem; border-top: 1px solid var(--line); }
h3 { font-size: 1.05rem; margin: 1.5rem 0 .5rem; }
.meta { color: var(--muted); margin: 0; }
.meta dt { display: inline; font-weight: 600; }
.meta dd { display: inline; margin: 0 1rem 0 .25rem; }
nav.sections ul { list-style: none; display: flex; flex-wrap: wrap; gap: .25rem 1rem; padding: 0; margin: .75rem 0; }
form.filters { position: sticky; top: 0; z-index: 5; background: var(--soft); border-bottom: 1px solid var(--line); padding-top: .5rem; padding-bottom: .5rem; display: flex; flex-wrap: wrap; gap: .5rem; align-items: flex-start; }
form.filters details { background: #fff; border: 1px solid var(--line); border-radius: 6px; }
form.filters summary { cursor: pointer; padding: .3rem .6rem; }
form.filters fieldset { border: 0; margin: 0; padding: .25rem .6rem .5rem; max-height: 16rem; overflow: auto; min-width: 12rem; }
form.filters label { display: block; white-space: nowrap; }
form.filters .dates label { display: inline-block; margin-right: .5rem; }
form.filters button { font: inherit; padding: .3rem .8rem; border-radius: 6px; border: 1px solid var(--accent); background: #fff; color: var(--accent); cursor: pointer; }
form.filters .status { flex-basis: 100%; margin: 0; color: var(--muted); font-size: .9rem; }
:focus-visible { outline: 3px solid #f0b429; outline-offset: 2px; }
dl.headline { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(100%, 9.5rem), 1fr)); gap: .75rem; margin: 0; }
.card { background: var(--soft); border-radius: 8px; padding: .6rem .8rem; }
.card dt { color: var(--muted); font-size: .85rem; }
.card dd { margin: 0; }
.card .value { display: block; font-size: 1.35rem; font-weight: 650; font-variant-numeric: tabular-nums; white-space: nowrap; }
.card .value .exact { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
.card .value:focus .exact { position: static; display: block; width: auto; height: auto; clip-path: none; font-size: .8rem; font-weight: 400; }
.card[data-figure="period"] .value { font-size: 1rem; white-space: normal; }
.card .change, .card .detail { display: block; font-size: .8rem; color: var(--muted); }
.card .change.up { color: var(--up); } .card .change.down { color: var(--down); }
dl.value-cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(100%, 12rem), 1fr)); gap: .75rem; margin: 0 0 1rem; }
.change .arrow { font-size: .75em; }
ul.takeaways { margin: .25rem 0 0; padding-left: 1.2rem; } ul.takeaways li { margin-bottom: .3rem; }
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 560px), 1fr)); gap: 1.25rem; }
figure.chart, figure.chart figure { margin: 0; min-width: 0; }
figure.chart svg { max-width: 100%; height: auto; }
figure.chart figcaption { font-size: .85rem; color: var(--muted); }
figure.chart :is(h3, h4, h5) { font-size: .95rem; margin: 0 0 .25rem; }
figure.chart.chart-note .notice { margin: .25rem 0 0; }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; font-variant-numeric: tabular-nums; min-width: 50%; }
caption { text-align: left; font-weight: 600; padding: .25rem 0; }
th, td { padding: .3rem .6rem; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
thead th { border-bottom: 2px solid var(--ink); }
.num { text-align: right; }
.table > .table-wrap > table { width: 100%; }
.table > .table-wrap > table tbody tr:hover { background: var(--soft); }
td.empty { color: var(--muted); font-style: italic; }
.table-tools { margin: .25rem 0 1rem; font-size: .85rem; color: var(--muted); }
.table-tools button { font: inherit; border: 0; background: none; color: var(--accent); text-decoration: underline; cursor: pointer; padding: 0; }
details.table > summary { cursor: pointer; font-weight: 600; margin: .5rem 0; }
.note, .notice { color: var(--muted); }
.notice { background: var(--soft); border-left: 4px solid var(--accent); padding: .5rem .75rem; }
.methods li { margin-bottom: .4rem; }
#baskets tbody th[scope="row"], #products tbody td:nth-child(2):not(.num) { min-width: 11em; }
tr.stayed { color: var(--muted); }
@media (max-width: 480px) {
  body { font-size: 14px; }
  h1 { font-size: 1.3rem; }
  form.filters { position: static; }
  .card .value { font-size: 1.15rem; }
}
${PRINT_CSS}`;
