import { join } from "node:path";
import { pathToFileURL } from "node:url";

/** The browsers `report --pdf` looks for on the PATH, in this order. */
export const CHROMIUM_NAMES = [
  "chromium",
  "chromium-browser",
  "google-chrome",
  "google-chrome-stable",
] as const;

/** What to tell a reader who has no Chromium. */
export const INSTALL_CHROMIUM =
  "install Chromium (Debian and Ubuntu: apt-get install chromium; macOS: brew install --cask chromium) or Google Chrome, so that one of chromium, chromium-browser, google-chrome or google-chrome-stable is on the PATH";

/** The first of {@linkcode CHROMIUM_NAMES} found on `path`, or null. */
export async function findChromium(
  path: string | undefined = Deno.env.get("PATH"),
): Promise<string | null> {
  for (const name of CHROMIUM_NAMES) {
    for (const dir of (path ?? "").split(":").filter(Boolean)) {
      const candidate = join(dir, name);
      try {
        const info = await Deno.stat(candidate);
        if (info.isFile && (info.mode ?? 0o111) & 0o111) return candidate;
      } catch {
        // Not in this folder.
      }
    }
  }
  return null;
}

/**
 * The number of pages of a PDF: its page objects (`/Type /Page`, not the
 * `/Pages` tree nodes), as Chromium writes them uncompressed.
 *
 * @example
 * ```ts
 * import { pdfPageCount } from "./print_pdf.ts";
 * const pdf = new TextEncoder().encode("<< /Type /Pages /Count 2 >> << /Type /Page >> <</Type/Page/Parent 1 0 R>>");
 * if (pdfPageCount(pdf) !== 2) throw new Error("two pages");
 * ```
 */
export function pdfPageCount(pdf: Uint8Array): number {
  const text = new TextDecoder("latin1").decode(pdf);
  return [...text.matchAll(/\/Type\s*\/Page(?![a-zA-Z])/g)].length;
}

/** What {@linkcode printPdf} printed. */
export interface PrintedPdf {
  path: string;
  pages: number;
  bytes: number;
}

/**
 * Prints a report page to a PDF with headless Chromium: opens the page from
 * its file, lets its script finish, unfolds every folded table and prints
 * with the page's print stylesheet (no filter bar; charts and tables kept
 * whole on a page) on A4 or Letter.
 */
export async function printPdf(
  htmlPath: string,
  pdfPath: string,
  options: { chromium: string; paper: "a4" | "letter" },
): Promise<PrintedPdf> {
  const { default: puppeteer } = await import("puppeteer-core");
  const profile = await Deno.makeTempDir({ prefix: "basket-pdf-" });
  const browser = await puppeteer.launch({
    executablePath: options.chromium,
    headless: true,
    userDataDir: profile,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"],
  });
  try {
    const page = await browser.newPage();
    await page.goto(pathToFileURL(htmlPath).href, { waitUntil: "load" });
    // A page built without its script (or locked) is ready once loaded.
    await page.waitForFunction(
      () =>
        document.documentElement.dataset.ready === "true" ||
        !document.getElementById("basket-data"),
      { timeout: 60_000 },
    );
    await page.evaluate(() => {
      for (const details of document.querySelectorAll("details")) {
        details.open = true;
      }
    });
    const pdf = await page.pdf({
      format: options.paper === "a4" ? "A4" : "Letter",
      printBackground: true,
      margin: { top: "12mm", bottom: "12mm", left: "10mm", right: "10mm" },
    });
    await Deno.writeFile(pdfPath, pdf);
    return { path: pdfPath, pages: pdfPageCount(pdf), bytes: pdf.length };
  } finally {
    await browser.close();
    await Deno.remove(profile, { recursive: true }).catch(() => {});
  }
}
