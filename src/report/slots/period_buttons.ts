// deno-fmt-ignore-file -- deno fmt would re-indent the markup inside the html templates
/**
 * The period shortcuts on the page (see `periodShortcuts`): buttons in the
 * filter bar, and the offers "What changed" makes when the selection has
 * nothing earlier to compare with. Each is a button carrying the
 * shortcut's id (`data-period`); the page's script sets the From and To
 * filters from it, as typing the dates would.
 *
 * @module
 */
import type { PeriodShortcut } from "../../figures/sales/period_shortcuts.ts";
import type { FilterState } from "../filter_state.ts";
import { html, type Html } from "../html.ts";

/** The filter bar's group of period buttons; "All dates" is pressed, as the page opens on the whole data. */
export function renderPeriodButtons(shortcuts: readonly PeriodShortcut[]): Html {
  if (!shortcuts.length) return html``;
  return html`<span class="periods" role="group" aria-label="Period">${shortcuts.map((s) =>
    html`<button type="button" data-period="${s.id}" aria-pressed="${
      s.id === "all" ? "true" : "false"
    }" title="${s.title}"${s.unavailable ? html` disabled` : ""}>${s.label}</button>`
  )}</span>`;
}

/**
 * The shortcuts that have a comparison, offered in "What changed" as
 * "Compare the last 3 months (December 2013 to February 2014) with the 90
 * days before and a year earlier"; empty when none has.
 */
export function renderComparisonOffers(
  shortcuts: readonly PeriodShortcut[],
): Html {
  const offered = shortcuts.filter((s) =>
    s.from && !s.unavailable && (s.previous || s.yearAgo)
  );
  if (!offered.length) return html``;
  return html`<ul class="period-offers">${offered.map((s) => {
    const against = [
      s.previous && `the ${s.previous.days} days before`,
      s.yearAgo && "the same days a year earlier",
    ].filter(Boolean).join(" and ");
    return html`<li><button type="button" class="link" data-period="${s.id}" title="${s.title}">Compare ${
      offerName(s)
    } (${s.span}${s.partial ? ", a partial month" : ""}) with ${against}</button></li>`;
  })}</ul>`;
}

/** The shortcut in a sentence: "the last 3 months", "the month to date". */
function offerName(s: PeriodShortcut): string {
  return `the ${s.label.replace(/ \(partial\)$/, "").toLowerCase()}`;
}

/**
 * A filter state with a shortcut's dates in place of its own, the other
 * filters kept; "All dates" removes both.
 *
 * @example
 * ```ts
 * import { withPeriod } from "./period_buttons.ts";
 * const state = withPeriod({ channels: ["e-Shop"], from: "2013-01-05" },
 *   { from: "2014-02-01", to: "2014-02-28" });
 * if (JSON.stringify(state) !== '{"channels":["e-Shop"],"from":"2014-02-01","to":"2014-02-28"}') throw new Error();
 * if ("from" in withPeriod(state, { from: null, to: null })) throw new Error();
 * ```
 */
export function withPeriod(
  state: FilterState,
  shortcut: Pick<PeriodShortcut, "from" | "to">,
): FilterState {
  const { from: _from, to: _to, ...rest } = state;
  return {
    ...rest,
    ...(shortcut.from ? { from: shortcut.from } : {}),
    ...(shortcut.to ? { to: shortcut.to } : {}),
  };
}

/** The buttons' looks: a pressed one filled, an unavailable one faded; they wrap at any width. */
export const PERIOD_CSS = `
form.filters .periods { display: flex; flex-wrap: wrap; gap: .25rem; }
form.filters .periods button { padding: .3rem .6rem; }
form.filters .periods button[aria-pressed="true"] { background: var(--accent); color: #fff; }
form.filters .periods button:disabled { border-color: var(--line); color: var(--muted); cursor: not-allowed; }
ul.period-offers { margin: .25rem 0 0; padding-left: 1.2rem; }
button.link { vertical-align: top; font: inherit; border: 0; background: none; color: var(--accent); text-decoration: underline; cursor: pointer; padding: 0; text-align: left; }
@media print { ul.period-offers { display: none; } }
`;
