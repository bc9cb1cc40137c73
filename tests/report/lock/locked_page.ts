/** Helpers for tests of locked pages. */
import type { LockedPayload } from "../../../src/report/lock/report_crypto.ts";

/** A fixed 16-byte salt, for reproducible pages. */
export const FIXED_SALT: Uint8Array = Uint8Array.from(
  { length: 16 },
  (_, i) => i,
);

/** A fixed 12-byte nonce, for reproducible pages. */
export const FIXED_IV: Uint8Array = Uint8Array.from(
  { length: 12 },
  (_, i) => 100 + i,
);

/** A low iteration count that keeps tests fast; never for real pages. */
export const FAST_ITERATIONS = 1_000;

/** The JSON payload a locked page embeds. */
export function payloadOf(page: string): LockedPayload {
  const match =
    /<script type="application\/json" id="basket-locked-report">([^<]*)<\/script>/
      .exec(page);
  if (!match) throw new Error("The page holds no locked report payload");
  return JSON.parse(match[1]);
}

/** The page without its payload: what a reader sees and the page's script. */
export function pageWithoutPayload(page: string): string {
  return page.replace(
    /(<script type="application\/json" id="basket-locked-report">)[^<]*/,
    "$1",
  );
}
