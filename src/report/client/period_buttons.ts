/**
 * The period buttons at work in the page: a click on one (in the filter
 * bar or in "What changed") hands its shortcut to the page, which sets the
 * From and To filters from it; the button whose dates the filters hold is
 * marked pressed, so a hand-edited date clears the mark.
 *
 * @module
 */
import {
  activeShortcut,
  type PeriodShortcut,
} from "../../figures/sales/period_shortcuts.ts";
import type { FilterState } from "../filter_state.ts";

/** Calls `pick` with the shortcut of each period button the reader clicks. */
export function onPeriodClick(
  document: Document,
  shortcuts: readonly PeriodShortcut[],
  pick: (shortcut: PeriodShortcut) => void,
): void {
  document.addEventListener("click", (event) => {
    const button = (event.target as Element | null)?.closest?.(
      "button[data-period]",
    ) as HTMLButtonElement | null;
    const shortcut = button &&
      shortcuts.find((s) => s.id === button.dataset.period);
    if (!shortcut || shortcut.unavailable || button.disabled) return;
    event.preventDefault();
    const inBar = button.closest("form") !== null;
    pick(shortcut);
    // An offer in "What changed" is drawn again; focus goes to its
    // button in the filter bar instead of being lost.
    if (!inBar) {
      document.querySelector<HTMLElement>(
        `form button[data-period="${shortcut.id}"]`,
      )?.focus();
    }
  });
}

/** Marks pressed the filter bar's button whose dates `state` holds, and no other. */
export function markPeriod(
  form: HTMLFormElement,
  shortcuts: readonly PeriodShortcut[],
  state: FilterState,
): void {
  const active = activeShortcut(shortcuts, state);
  for (
    const button of form.querySelectorAll<HTMLButtonElement>(
      "button[data-period]",
    )
  ) {
    button.setAttribute(
      "aria-pressed",
      String(button.dataset.period === active?.id),
    );
  }
}
