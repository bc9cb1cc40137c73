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

/** A chart of the page to draw again, at the width of its column. */
interface ToFit {
  figure: HTMLElement;
  width: number;
}

/**
 * The charts of `root` drawn at another width than their column's (their
 * `data-width`), or all of them with `force` (the server's charts and
 * those rendered as markup have no live tips); notes in a chart's place
 * are left as they are.
 */
function chartsToFit(root: ParentNode, force: boolean): ToFit[] {
  const list: ToFit[] = [];
  for (const grid of root.querySelectorAll<HTMLElement>(".charts")) {
    for (
      const figure of grid.querySelectorAll<HTMLElement>(
        ":scope > figure.chart[data-width]",
      )
    ) {
      const width = Math.floor(figure.getBoundingClientRect().width);
      if (width < 120) continue;
      if (!force && figure.dataset.width === String(width)) continue;
      list.push({ figure, width });
    }
  }
  return list;
}

function redraw({ figure, width }: ToFit, draw: DrawChart): boolean {
  if (!figure.isConnected) return false; // a filter has drawn the view again
  const drawn = draw(figure.id.replace(/^chart-/, ""), width);
  if (drawn === null) return false;
  figure.replaceWith(drawn);
  return true;
}

/**
 * Draws again, at its column's width, each chart of `root` drawn at
 * another width, or every chart with `force`, at once. Returns how many it
 * drew.
 */
export function fitCharts(
  root: ParentNode,
  draw: DrawChart,
  force = false,
): number {
  return chartsToFit(root, force).filter((c) => redraw(c, draw)).length;
}

/**
 * As {@linkcode fitCharts} for several parts of the page, one chart at a
 * time with a pause between them for the page to answer its reader, the
 * charts on screen first: a page loads with many charts to draw again.
 */
export async function fitChartsGradually(
  parts: readonly { root: ParentNode; draw: DrawChart; force: boolean }[],
): Promise<number> {
  const list = parts.flatMap(({ root, draw, force }) =>
    chartsToFit(root, force).map((c) => ({ ...c, draw }))
  );
  const offScreen = (figure: HTMLElement) => {
    const box = figure.getBoundingClientRect();
    return box.bottom < 0 || box.top > innerHeight ? 1 : 0;
  };
  list.sort((a, b) => offScreen(a.figure) - offScreen(b.figure));
  let count = 0;
  for (const chart of list) {
    if (redraw(chart, chart.draw)) count++;
    await new Promise((resolve) => setTimeout(resolve, 0));
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
