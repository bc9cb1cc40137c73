/**
 * The filter lists (`<details>` in the filter form) close as menus do: on
 * Escape, giving the focus back to the list's summary, and on a click
 * outside them.
 *
 * @module
 */

/** Closes the open lists of `form` on Escape and on a click outside them. */
export function closeFilterLists(form: HTMLFormElement): void {
  const open =
    () => [...form.querySelectorAll<HTMLDetailsElement>("details[open]")];
  form.ownerDocument.addEventListener("keydown", (event) => {
    if (event.key !== "Escape") return;
    for (const details of open()) {
      const focused = details.contains(form.ownerDocument.activeElement);
      details.open = false;
      if (focused) details.querySelector("summary")?.focus();
    }
  });
  form.ownerDocument.addEventListener("click", (event) => {
    const target = event.target as Node | null;
    for (const details of open()) {
      if (!target || !details.contains(target)) details.open = false;
    }
  });
}
