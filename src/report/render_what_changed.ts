// deno-fmt-ignore-file -- deno fmt would re-indent the markup inside the html templates
import type { NumberFormats } from "../figures/format/number_formats.ts";
import type { SalesComparison } from "../figures/sales/sales_comparison.ts";
import type { Mover, Takeaway } from "../figures/sales/what_changed.ts";
import { html, type Html } from "./html.ts";
import type { PeriodShortcut } from "../figures/sales/period_shortcuts.ts";
import { renderComparisonOffers } from "./slots/period_buttons.ts";

const DIMENSION = {
  category: "categories",
  store: "stores",
  region: "regions",
} as const;

const AGAINST = {
  previous: "the previous period",
  yearAgo: "the same days a year earlier",
} as const;

/**
 * The "What changed" block: a line naming the periods compared, then one
 * sentence a takeaway (see `whatChanged`), each linking to the chart or
 * table it comes from. With nothing earlier to compare, it offers the
 * `periods` that have a comparison (see `renderComparisonOffers`).
 */
export function renderWhatChanged(
  takeaways: readonly Takeaway[],
  comparison: SalesComparison,
  format: NumberFormats,
  periods: readonly PeriodShortcut[] = [],
): Html {
  const span = (p: { from: string; to: string }) => `${p.from} to ${p.to}`;
  const { period, previousPeriod, yearAgoPeriod } = comparison;
  const intro = period && (previousPeriod || yearAgoPeriod)
    ? `${span(period)}, against ${
      previousPeriod ? `the previous period (${span(previousPeriod)})` : AGAINST.yearAgo + ` (${span(yearAgoPeriod!)})`
    }:`
    : "";
  return html`<section id="what-changed" aria-labelledby="h-what-changed"><h2 id="h-what-changed">What changed</h2>${
    intro ? html`<p class="note">${intro}</p>` : ""
  }<ul class="takeaways">${takeaways.map((t) => html`<li data-takeaway="${t.kind}">${sentence(t, format, periods)}</li>`)}</ul></section>`;
}

/** One takeaway in words. */
export function sentence(
  takeaway: Takeaway,
  format: NumberFormats,
  periods: readonly PeriodShortcut[] = [],
): Html {
  const link = (text: string) => html`<a href="#${takeaway.anchor}">${text}</a>`;
  switch (takeaway.kind) {
    case "mover":
      return moverSentence(takeaway.mover, link, takeaway.basis, format);
    case "no-earlier-data": {
      const offers = renderComparisonOffers(periods);
      return html`The data holds no earlier period to compare ${
        takeaway.period ? `${takeaway.period.from} to ${takeaway.period.to}` : "it"
      } with, so no change is shown${offers.markup ? "" : ": narrow the dates in the filters to see one"}. ${link("Net sales")} were ${format.compactMoney(takeaway.totalSales)}.${offers}`;
    }
    case "top-category":
      return html`${link(takeaway.category)} sold most: ${format.compactMoney(takeaway.totalSales)}, ${format.percent(takeaway.share)} of net sales.`;
    case "returns": {
      const now = html`${link("Returns")} were ${format.percent(takeaway.returnRate)} of gross sales`;
      const change = takeaway.change;
      if (!takeaway.basis || !change || change.earlier === null || change.difference === null) {
        return html`${now}.`;
      }
      const against = AGAINST[takeaway.basis];
      if (change.difference === 0) {
        return html`${now}, as in ${against}.`;
      }
      return html`${now}, ${change.difference > 0 ? "up" : "down"} ${
        format.pointsChange(Math.abs(change.difference)).replace(/^\+/, "")
      } from ${format.percent(change.earlier)} in ${against}.`;
    }
    case "buyers": {
      const { newShare, returningShare, earlier, basis } = takeaway;
      const then = earlier && basis
        ? ` (${format.percent(earlier.newShare)} and ${format.percent(earlier.returningShare)} in ${AGAINST[basis]})`
        : "";
      const anonymous = takeaway.anonymousShare
        ? `, lines without a customer id ${format.percent(takeaway.anonymousShare)}`
        : "";
      return html`${link("New customers")} (on their first purchase day) made ${format.percent(newShare)} of net sales, returning customers ${format.percent(returningShare)}${anonymous}${then}.`;
    }
  }
}

function moverSentence(
  mover: Mover,
  link: (text: string) => Html,
  basis: keyof typeof AGAINST,
  format: NumberFormats,
): Html {
  const up = mover.difference > 0;
  const percent = mover.change === null ? " (no sales before)" : ` (${format.change(mover.change)})`;
  return html`Of the ${DIMENSION[mover.dimension]}, ${link(mover.key)} moved most: ${
    up ? "up" : "down"
  } ${format.compactMoney(Math.abs(mover.difference))}${percent} to ${
    format.compactMoney(mover.totalSales)
  }, against ${format.compactMoney(mover.earlier)} in ${AGAINST[basis]}.`;
}
