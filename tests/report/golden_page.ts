/**
 * The report page's golden test: the whole `index.html`, normalised (the
 * generated-at time blanked, the embedded gzipped page data decoded and
 * written out as JSON after the page, long decimals rounded, one tag a
 * line), compared with a committed file under `tests/report/golden/`. A
 * mismatch writes `<name>-changed.html` beside it to look at; set
 * `BASKET_UPDATE_GOLDEN=1` to (re)write the golden file.
 */
import { decodePageData } from "../../src/report/page_data.ts";
import { assertEquals } from "../assert.ts";
import { normaliseSvg } from "../charts/golden.ts";

const GOLDEN_DIR = new URL("./golden/", import.meta.url);

const DATA =
  /(<script type="application\/json" id="basket-data">)(.*?)(<\/script>)/s;

/** The page's embedded data, decoded (see encodePageData). */
export async function pageDataOf(page: string) {
  const match = page.match(DATA);
  if (!match) throw new Error("The page has no embedded data");
  return await decodePageData(JSON.parse(match[2]));
}

/** Blanks the generated-at time, the only part of a page that may differ between builds of the same data and options. */
export function withoutGeneratedAt(page: string): string {
  return page.replace(
    /<time datetime="[^"]*">[^<]*<\/time>/,
    '<time datetime="(generated at)">(generated at)</time>',
  );
}

/**
 * JSON with one value a line, but arrays of plain values on one line; `<`
 * written `\u003c`, so that the golden file is safe to open in a browser.
 */
function readableJson(value: unknown): string {
  return JSON.stringify(value, null, 1).replace(
    /\[\n\s*([^[\]{}]*?)\n\s*\]/g,
    (_, items: string) => `[${items.replace(/,\n\s*/g, ", ")}]`,
  ).replaceAll("<", "\\u003c");
}

/** The page as its golden file holds it. */
export async function normalisePage(page: string): Promise<string> {
  const data = await pageDataOf(page);
  const markup = withoutGeneratedAt(page).replace(
    DATA,
    "$1(the page data, decoded below)$3",
  );
  return `${normaliseSvg(markup)}\n<!-- the page data, decoded -->\n${
    normaliseSvg(readableJson(data))
  }\n`;
}

/** Compares a report page with `tests/report/golden/<name>.html`. */
export async function assertGoldenPage(
  name: string,
  page: string,
): Promise<void> {
  const actual = await normalisePage(page);
  const goldenUrl = new URL(`${name}.html`, GOLDEN_DIR);
  const changedUrl = new URL(`${name}-changed.html`, GOLDEN_DIR);
  if (Deno.env.get("BASKET_UPDATE_GOLDEN") === "1") {
    await Deno.mkdir(GOLDEN_DIR, { recursive: true });
    await Deno.writeTextFile(goldenUrl, actual);
  }
  let expected: string;
  try {
    expected = await Deno.readTextFile(goldenUrl);
  } catch {
    await Deno.mkdir(GOLDEN_DIR, { recursive: true });
    await Deno.writeTextFile(changedUrl, actual);
    throw new Error(
      `Golden file "${name}.html" is missing: wrote ${name}-changed.html; run with BASKET_UPDATE_GOLDEN=1 to accept it`,
    );
  }
  if (actual !== expected) await Deno.writeTextFile(changedUrl, actual);
  else await Deno.remove(changedUrl).catch(() => {});
  if (actual === expected) return;
  const a = actual.split("\n");
  const e = expected.split("\n");
  let line = 0;
  while (line < a.length && a[line] === e[line]) line++;
  assertEquals(
    a[line],
    e[line],
    `The report page differs from tests/report/golden/${name}.html from line ${
      line + 1
    } on: compare it with ${name}-changed.html`,
  );
}
