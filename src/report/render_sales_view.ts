// deno-fmt-ignore-file -- deno fmt would re-indent the markup inside the html templates
import type { SalesFigures } from "../figures/sales/sales_figures_from_sums.ts";
import { presentTables } from "./slots/absent_dimensions.ts";
import { type ChartContext, type ChartSlot, renderCharts } from "./slots/chart_slots.ts";
import { type Html, html } from "./html.ts";
import { renderHeadline } from "./render_headline.ts";
import { renderTable } from "./render_table.ts";
import { fuelTables, salesTables } from "./sales_tables.ts";
import type { TableSpec } from "./table_spec.ts";
import type { ComparedSalesFigures } from "../figures/sales/sales_comparison.ts";
import { whatChanged } from "../figures/sales/what_changed.ts";
import { renderWhatChanged } from "./render_what_changed.ts";
import type { PeriodShortcut } from "../figures/sales/period_shortcuts.ts";

/** How views render: the charts' context, and what the tables need. */
export interface ViewContext extends ChartContext {
  /** Under the sub-category table: why it may not follow the filters. */
  subCategoryNote?: string;
  /** The period shortcuts "What changed" offers when there is nothing earlier to compare with. */
  periods?: readonly PeriodShortcut[];
}

export { type ChartSlot, renderCharts } from "./slots/chart_slots.ts";

/** The tables a sales view shows, for CSV export too. */
export function salesViewTables(
  figures: ComparedSalesFigures,
  context: Pick<ViewContext, "subCategoryNote" | "absent">,
): TableSpec[] {
  return presentTables(
    [...salesTables(figures, context), ...fuelTables(figures)],
    context.absent,
  );
}

/**
 * The "What changed", headline and sales sections for one selection:
 * rendered on the server for the whole data, and again in the page whenever
 * the reader filters. "What changed" and the comparisons show when the
 * figures carry their comparison.
 */
export function renderSalesView(
  figures: ComparedSalesFigures,
  charts: readonly ChartSlot<ComparedSalesFigures>[],
  context: ViewContext,
): Html {
  const tables = presentTables(salesTables(figures, context), context.absent);
  const comparison = figures.comparison;
  return html`${
      comparison ? renderWhatChanged(whatChanged(figures, comparison), comparison, context.format, context.periods) : ""
    }
    <section id="headline"
      aria-labelledby="h-headline"><h2 id="h-headline">Headline figures</h2>${renderHeadline(
        figures.headline, context.format, comparison,
      )}</section>
    <section id="sales" aria-labelledby="h-sales"><h2 id="h-sales">Sales</h2>
    ${renderCharts(charts, figures, context)}
    ${tables.map((t) => renderTable(t, context.format))}
    </section>
  `;
}

/** The fuel section's content for one selection. */
export function renderFuelView(
  figures: SalesFigures,
  charts: readonly ChartSlot<SalesFigures>[],
  context: ViewContext,
): Html {
  if (!figures.fuel) {
    return html`<p class="notice">No fuel lines match the filters.</p>`;
  }
  return html`${renderCharts(charts, figures, context)}${
    fuelTables(figures).map((t) => renderTable(t, context.format))
  }`;
}
