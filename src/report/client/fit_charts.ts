/**
 * Charts drawn for the reader's width: each grid of charts is measured and
 * its charts drawn again at the width of their column, on load and
 * whenever the page's width changes, so that a phone shows charts at their
 * own type size rather than a 640 px drawing shrunk (text at 6 px) and a
 * wide screen uses its width.
 *
 * @module
 */

/** Draws the chart of a figure id (`chart-<id>`) at a width: its markup, or null to leave it. */
export type DrawChart = (id: string, width: number) => string | null;

/**
 * Draws again, at its column's width, each chart of `root` drawn at
 * another width (its `data-width`); notes in a chart's place are left as
 * they are. Returns how many charts it drew.
 */
export function fitCharts(root: ParentNode, draw: DrawChart): number {
  let drawn = 0;
  for (const grid of root.querySelectorAll<HTMLElement>(".charts")) {
    for (
      const figure of grid.querySelectorAll<HTMLElement>(
        ":scope > figure.chart[data-width]",
      )
    ) {
      const width = Math.floor(figure.getBoundingClientRect().width);
      if (width < 120 || figure.dataset.width === String(width)) continue;
      const markup = draw(figure.id.replace(/^chart-/, ""), width);
      if (markup === null) continue;
      figure.outerHTML = markup;
      drawn++;
    }
  }
  return drawn;
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
