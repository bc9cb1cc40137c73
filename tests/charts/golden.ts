/**
 * Golden SVG tests, as in Observable Plot: a chart is rendered headlessly
 * through linkedom, normalised (long decimals rounded, generated class names
 * renumbered) and compared with a committed file under `tests/charts/golden/`.
 * A mismatch writes `<name>-changed.svg` beside it to look at. Set
 * `BASKET_UPDATE_GOLDEN=1` to (re)write the golden files.
 */
import { parseHTML } from "linkedom";
import { assertEquals } from "../assert.ts";

const GOLDEN_DIR = new URL("./golden/", import.meta.url);

/** A fresh linkedom document to render charts into. */
export function headlessDocument(): Document {
  return parseHTML("<!DOCTYPE html><html><head></head><body></body></html>")
    .document as unknown as Document;
}

/** Normalises serialised chart markup so that goldens are stable. */
export function normaliseSvg(markup: string): string {
  const classes = new Map<string, string>();
  return markup
    .replace(/plot-[0-9a-f]{6}(?![0-9a-f])/g, (name) => {
      if (!classes.has(name)) classes.set(name, `plot-${classes.size + 1}`);
      return classes.get(name)!;
    })
    .replace(/(\d+\.\d{3,})/g, (n) => String(Math.round(Number(n) * 100) / 100))
    .replace(/></g, ">\n<");
}

/** Compares a rendered chart with `tests/charts/golden/<name>.svg`. */
export async function assertGoldenSvg(
  name: string,
  element: Element,
): Promise<void> {
  const actual = normaliseSvg(element.outerHTML) + "\n";
  const goldenUrl = new URL(`${name}.svg`, GOLDEN_DIR);
  const changedUrl = new URL(`${name}-changed.svg`, GOLDEN_DIR);
  if (Deno.env.get("BASKET_UPDATE_GOLDEN") === "1") {
    await Deno.mkdir(GOLDEN_DIR, { recursive: true });
    await Deno.writeTextFile(goldenUrl, actual);
  }
  let expected: string;
  try {
    expected = await Deno.readTextFile(goldenUrl);
  } catch {
    await Deno.writeTextFile(changedUrl, actual);
    throw new Error(
      `Golden file "${name}.svg" is missing: wrote ${name}-changed.svg; run with BASKET_UPDATE_GOLDEN=1 to accept it`,
    );
  }
  if (actual !== expected) await Deno.writeTextFile(changedUrl, actual);
  else await Deno.remove(changedUrl).catch(() => {});
  assertEquals(actual, expected, `Chart "${name}" differs from its golden SVG`);
}
