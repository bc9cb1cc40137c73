/** The start of the element in which a locked page holds its ciphertext. */
const MARKER = '<script type="application/json" id="basket-locked-report">';

/**
 * Whether a page is a locked report (made by `encryptPage`): it holds its
 * encrypted payload. Takes the page's text or its UTF-8 bytes.
 *
 * @example
 * ```ts
 * import { equal } from "node:assert/strict";
 * equal(isLockedPage("<p>Turnover 9,876,543</p>"), false);
 * ```
 */
export function isLockedPage(page: string | Uint8Array): boolean {
  const text = typeof page === "string" ? page : new TextDecoder().decode(page);
  return text.includes(MARKER);
}

/** The run id a locked page names in its `<meta name="basket-run-id">`, if any. */
export function lockedPageRunId(page: string): string | undefined {
  return /<meta name="basket-run-id" content="([0-9A-Za-z-]+)">/.exec(
    page.slice(0, 4096),
  )?.[1];
}
