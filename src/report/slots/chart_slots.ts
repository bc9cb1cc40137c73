// deno-fmt-ignore-file -- deno fmt would re-indent the markup inside the html templates
/**
 * The page's chart slots: each chart of a view, drawn from the selection's
 * figures at the width the page gives it, or a note in its place when it
 * has nothing to show or steps aside. The server draws them once; the
 * page's script draws them again at the reader's width and for each filter.
 *
 * @module
 */
import type { ChartFilter } from "../../charts/chart_options.ts";
import type { NumberFormats } from "../../figures/format/number_formats.ts";
import type { CubeGrain } from "../../figures/sales/sales_cube.ts";
import type { Dimension } from "./absent_dimensions.ts";
import { chartMarkup } from "../chart_markup.ts";
import { type Html, html } from "../html.ts";

/** What the charts of a view are drawn with. */
export interface ChartContext {
  /** In a browser the page's document, outside it linkedom's. */
  document: Document;
  /** Chart width in pixels. */
  width: number;
  /** How every number reads: the report's currency and locale. */
  format: NumberFormats;
  /**
   * The time grain of the figures: "day" (the default) for the server's,
   * the cube's for the page's filtered figures, which are by week or month
   * when the cube had to be cut coarser.
   */
  grain?: CubeGrain;
  /** Dimensions the data does not have: their charts are left out. */
  absent?: ReadonlySet<Dimension>;
  /** The link of a mark that filters the page by it (see `ChartOptions.filterHref`). */
  filterHref?: (filter: ChartFilter) => string;
  /**
   * Leave the charts that draw as empty figures (`data-width="0"`) for the
   * page's script to draw live with {@linkcode chartFigure}: markup loses
   * the charts' tips, which listen to the pointer.
   */
  deferred?: boolean;
}

/** One chart of a view. */
export interface ChartSlot<F> {
  /** The figure's id is `chart-<id>`. */
  id: string;
  /** The chart's title, for the note said in its place. */
  title: string;
  /** Whether the chart is left out, for a dimension the data does not have. */
  omit?: (context: ChartContext, figures: F) => boolean;
  /**
   * Why the chart steps aside for these figures (a time grain it cannot
   * show, a single month), said in its place; null when it draws.
   */
  aside?: (figures: F, context: ChartContext) => string | null;
  /** The chart, or null when there is nothing to show. */
  render: (figures: F, context: ChartContext) => Element | null;
}

/** The note said in a chart's place when it has nothing to show. */
export const NOTHING_TO_SHOW = "Nothing to show: no sales match the filters.";

/**
 * One slot as a `<figure>`: the chart (its `data-width` the width it was
 * drawn at), or its title and a note in its place (`class="chart
 * chart-note"`), or nothing when the slot is left out.
 */
export function renderChart<F>(
  slot: ChartSlot<F>,
  figures: F,
  context: ChartContext,
  headingLevel: 3 | 4 = 3,
): Html {
  if (slot.omit?.(context, figures)) return html``;
  const aside = slot.aside?.(figures, context);
  if (aside) return noteMarkup(slot, aside, headingLevel);
  if (context.deferred) {
    return html`<figure class="chart" id="chart-${slot.id}" data-width="0"></figure>`;
  }
  const element = slot.render(figures, context);
  return element
    ? html`<figure class="chart" id="chart-${slot.id}" data-width="${context.width}">${chartMarkup(element, { headingLevel })}</figure>`
    : noteMarkup(slot, NOTHING_TO_SHOW, headingLevel);
}

function noteMarkup<F>(slot: ChartSlot<F>, text: string, headingLevel: 3 | 4): Html {
  return html`<figure class="chart chart-note" id="chart-${slot.id}"><h${headingLevel}>${slot.title}</h${headingLevel}><p class="notice">${text}</p></figure>`;
}

/**
 * One slot as a live `<figure>` element of `context.document`, as
 * {@linkcode renderChart} renders it but with the chart's own nodes, so that
 * its tips answer the pointer: the page's script draws charts this way.
 * Null when the slot is left out.
 */
export function chartFigure<F>(
  slot: ChartSlot<F>,
  figures: F,
  context: ChartContext,
  headingLevel: 3 | 4 = 3,
): Element | null {
  const { document } = context;
  const holder = document.createElement("div");
  const aside = slot.omit?.(context, figures)
    ? null
    : slot.aside?.(figures, context);
  const element = slot.omit?.(context, figures) || aside
    ? null
    : slot.render(figures, context);
  if (!element) {
    holder.innerHTML = renderChart(slot, figures, context, headingLevel).markup;
    return holder.firstElementChild;
  }
  // Plot's title is an h2 and its subtitle an h3: both step down together.
  const headings = [...element.querySelectorAll(":scope > h2, :scope > h3")];
  for (const heading of headings) {
    const renamed = document.createElement(
      `h${headingLevel + (heading.localName === "h3" ? 1 : 0)}`,
    );
    renamed.append(...heading.childNodes);
    heading.replaceWith(renamed);
  }
  const figure = document.createElement("figure");
  figure.className = "chart";
  figure.id = `chart-${slot.id}`;
  figure.setAttribute("data-width", String(context.width));
  figure.append(element);
  return figure;
}

/** Renders a view's charts into `<figure>` slots; their titles are `<h3>`, under the section's `<h2>`. */
export function renderCharts<F>(
  slots: readonly ChartSlot<F>[],
  figures: F,
  context: ChartContext,
  headingLevel: 3 | 4 = 3,
): Html {
  return html`<div class="charts">${
    slots.map((slot) => renderChart(slot, figures, context, headingLevel))
  }</div>`;
}
