/**
 * Charts drawn for the reader's width: each grid of charts is measured and
 * its charts drawn again at the width of their column, on load and
 * whenever the page's width changes, so that a phone shows charts at their
 * own type size rather than a 640 px drawing shrunk (text at 6 px) and a
 * wide screen uses its width.
 *
 * @module
 */

/** Draws the chart of a figure id (`chart-<id>`) at a width: its figure, or null to leave it. */
export type DrawChart = (id: string, width: number) => Element | null;

/**
 * Draws again, at its column's width, each chart of `root` drawn at
 * another width (its `data-width`), or every chart with `force` (the
 * server's charts and those rendered as markup have no live tips); notes
 * in a chart's place are left as they are. Returns how many it drew.
 */
export function fitCharts(
  root: ParentNode,
  draw: DrawChart,
  force = false,
): number {
  let count = 0;
  for (const grid of root.querySelectorAll<HTMLElement>(".charts")) {
    for (
      const figure of grid.querySelectorAll<HTMLElement>(
        ":scope > figure.chart[data-width]",
      )
    ) {
      const width = Math.floor(figure.getBoundingClientRect().width);
      if (width < 120) continue;
      if (!force && figure.dataset.width === String(width)) continue;
      const drawn = draw(figure.id.replace(/^chart-/, ""), width);
      if (drawn === null) continue;
      figure.replaceWith(drawn);
      count++;
    }
  }
  return count;
}

/**
 * Calls `fit` once the page is laid out and again, at most once a frame,
 * whenever the width of `observed` changes.
 */
export function fitOnResize(observed: Element, fit: () => void): void {
  let pending = false;
  let lastWidth = -1;
  const schedule = () => {
    if (pending) return;
    pending = true;
    requestAnimationFrame(() => {
      pending = false;
      const width = observed.getBoundingClientRect().width;
      if (width === lastWidth) return;
      lastWidth = width;
      fit();
    });
  };
  new ResizeObserver(schedule).observe(observed);
  schedule();
}
