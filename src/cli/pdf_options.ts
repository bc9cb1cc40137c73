import { oneOf } from "./spine/validators.ts";

const SECTION = "PDF (see docs/report.md#printing-and-pdf)";

/**
 * The PDF options of `report`, declared once: whether to print the page to
 * `index.pdf` through headless Chromium, and on which paper.
 */
export const PDF_OPTIONS = [
  {
    name: "pdf",
    kind: "boolean",
    section: SECTION,
    help:
      "also print the page to index.pdf next to index.html, through\nheadless Chromium (chromium, chromium-browser or google-chrome\non the PATH); without it, the report is written, a warning says\nwhat to install and the exit code is 1",
    env: ["BASKET_PDF"],
    config: "pdf",
  },
  {
    name: "paper",
    kind: "string",
    value: "SIZE",
    section: SECTION,
    help: "the PDF's paper: a4 or letter",
    defaultText: "letter for a US or Canadian --locale, else a4",
    env: ["BASKET_PAPER"],
    config: "paper",
    parse: oneOf("a4", "letter"),
  },
] as const;

/** Locales whose regions print on Letter paper by default. */
const LETTER_REGIONS = new Set(["US", "CA", "MX", "PH", "CL", "CO", "VE"]);

/**
 * The paper a PDF is printed on: the one asked for, else Letter where the
 * locale's region uses it, else A4.
 *
 * @example
 * ```ts
 * import { paperFor } from "./pdf_options.ts";
 * if (paperFor(undefined, "en-US") !== "letter") throw new Error("en-US");
 * if (paperFor(undefined, "de-DE") !== "a4") throw new Error("de-DE");
 * if (paperFor("a4", "en-US") !== "a4") throw new Error("asked");
 * ```
 */
export function paperFor(
  asked: "a4" | "letter" | undefined,
  locale: string,
): "a4" | "letter" {
  if (asked) return asked;
  const region = new Intl.Locale(locale).maximize().region ?? "";
  return LETTER_REGIONS.has(region) ? "letter" : "a4";
}
