/**
 * Click a bar or a heat-map cell to filter by it: the marks that stand for
 * a filter value are links to its URL hash (see chart_filter.ts); the page
 * takes the click and merges the value into the reader's filters instead
 * of replacing them. Keyboard users reach the same links with Tab and
 * Enter.
 *
 * @module
 */

/** Calls `filter` with the hash of each chart mark the reader clicks (or activates). */
export function onChartClick(
  document: Document,
  filter: (hash: string) => void,
): void {
  document.addEventListener("click", (event) => {
    const link = (event.target as Element | null)?.closest?.(
      'figure.chart a[href^="#"]',
    );
    if (!link) return;
    event.preventDefault();
    filter(link.getAttribute("href") ?? "");
  });
}
