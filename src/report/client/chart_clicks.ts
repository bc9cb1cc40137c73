/**
 * Click a bar or a heat-map cell to filter by it: the marks that stand for
 * a filter value are links to its URL hash (see chart_filter.ts), and so
 * are the segment and cluster names in the customer tables
 * (`data-filter-link`); the page takes the click and merges the value into
 * the reader's filters instead of replacing them. Keyboard users reach the
 * same links with Tab and Enter.
 *
 * @module
 */

/** What filters by a click: a chart's marks and the tables' filter links. */
const FILTER_LINK = "figure.chart a, a[data-filter-link]";

/** Calls `filter` with the hash of each chart mark or filter link the reader clicks (or activates). */
export function onChartClick(
  document: Document,
  filter: (hash: string) => void,
): void {
  document.addEventListener("click", (event) => {
    const target = event.target as Element | null;
    // Plot's tip can come up under the pointer between press and release,
    // which sends the click to the chart's SVG: the link is the one under
    // the pointer then.
    const link = target?.closest?.(FILTER_LINK) ??
      (target?.closest?.("figure.chart svg")
        ? document.elementsFromPoint(event.clientX, event.clientY)
          .map((e) => e.closest("figure.chart a"))
          .find((a) => a !== null)
        : null);
    // Plot writes a link's target as xlink:href in a browser, href elsewhere.
    const href = link?.getAttribute("href") ??
      link?.getAttributeNS("http://www.w3.org/1999/xlink", "href");
    if (!href?.startsWith("#")) return;
    event.preventDefault();
    filter(href);
  });
}
