/**
 * The report on paper, in Chromium with print media at the content width of
 * A4 and Letter (the page's margins taken off), on the real data set: every
 * folded table is unfolded by the stylesheet alone (no script, as when a
 * reader prints a saved page), no chart is taller than a page and each is
 * kept whole, a table that fits on a page is kept whole and a longer one
 * breaks between rows with its header repeated, and nothing is wider than
 * the page. Then both papers are printed to PDF, whose pages are written
 * to reports/screenshots/ to look at.
 */
import type { Browser } from "puppeteer-core";
import { assertEquals, assertOk } from "../assert.ts";
import { launchChromium, reportRunDir } from "./chromium_page.ts";
import { pdfPageCount } from "../../src/cli/print_pdf.ts";

const DATA = new URL("../../../shared/datasets/retail-kaggle", import.meta.url)
  .pathname;
const SCREENSHOTS = new URL("../../reports/screenshots/", import.meta.url);
const MM = 96 / 25.4;
/** Paper sizes in mm, and the margins of src/report/print_css.ts. */
const PAPERS = {
  A4: { width: 210, height: 297 },
  Letter: { width: 215.9, height: 279.4 },
} as const;
const MARGIN = { x: 10, y: 12 };

Deno.test("the printed report cuts no chart or table and fits A4 and Letter", async () => {
  const tmp = await Deno.makeTempDir({ prefix: "basket-print-" });
  const profile = await Deno.makeTempDir({ prefix: "basket-chromium-" });
  let browser: Browser | undefined;
  try {
    const dir = await reportRunDir(DATA, tmp);
    browser = await launchChromium(profile);
    const page = await browser.newPage();
    await Deno.mkdir(SCREENSHOTS, { recursive: true });
    for (const [name, paper] of Object.entries(PAPERS)) {
      const width = Math.floor((paper.width - 2 * MARGIN.x) * MM);
      const height = Math.floor((paper.height - 2 * MARGIN.y) * MM);
      await page.setViewport({ width, height: 900 });
      await page.emulateMediaType("print");
      await page.goto(`file://${dir}/index.html`, { waitUntil: "load" });
      await page.waitForFunction(() =>
        document.documentElement.dataset.ready === "true"
      );
      const found = await page.evaluate((pageHeight: number) => {
        const box = (e: Element) => e.getBoundingClientRect();
        const style = (e: Element) => getComputedStyle(e);
        const problems: string[] = [];
        const charts = [...document.querySelectorAll("figure.chart")];
        for (const chart of charts) {
          const h = box(chart).height;
          if (h === 0) problems.push(`chart ${chart.id} is not shown`);
          if (h > pageHeight) {
            problems.push(`chart ${chart.id} is ${h} px, over a page`);
          }
          if (style(chart).breakInside !== "avoid") {
            problems.push(`chart ${chart.id} may break across pages`);
          }
        }
        const tables = [...document.querySelectorAll("main table")];
        let long = 0;
        for (const table of tables) {
          const rows = [...table.querySelectorAll("tbody tr")];
          const hidden = rows.filter((r) => box(r).height === 0).length;
          if (hidden) problems.push(`${table.id}: ${hidden} rows not shown`);
          const h = box(table).height;
          if (h <= pageHeight) {
            if (style(table).breakInside !== "avoid") {
              problems.push(`${table.id} (${h} px) may break across pages`);
            }
          } else {
            long++;
            if (
              style(table.querySelector("thead")!).display !==
                "table-header-group"
            ) {
              problems.push(`${table.id} does not repeat its header`);
            }
          }
          for (const row of rows.slice(0, 1)) {
            if (style(row).breakInside !== "avoid") {
              problems.push(`${table.id}'s rows may break across pages`);
            }
          }
        }
        const wide = [...document.querySelectorAll("body *")]
          .filter((e) => box(e).right > innerWidth + 0.5 && box(e).width > 0)
          .map((e) => `${e.localName}#${e.id}.${e.className}: ${box(e).right}`)
          .slice(0, 5);
        const shown = [
          ...document.querySelectorAll("form.filters, nav.sections"),
        ]
          .filter((e) => box(e).height > 0).map((e) => e.localName);
        return {
          problems,
          wide,
          shown,
          charts: charts.length,
          tables: tables.length,
          long,
          scrollWidth: document.documentElement.scrollWidth,
        };
      }, height);
      assertEquals(found.problems, [], name);
      assertEquals(found.wide, [], `${name}: wider than ${width} px`);
      assertOk(found.scrollWidth <= width, `${name}: ${found.scrollWidth} px`);
      assertEquals(found.shown, [], `${name}: the filters print`);
      assertOk(found.charts >= 10, `${name}: ${found.charts} charts`);
      assertOk(found.tables >= 10, `${name}: ${found.tables} tables`);
      // The daily and weekly tables run over a page on this data.
      assertOk(found.long >= 2, `${name}: ${found.long} long tables`);
      const pdf = await page.pdf({
        format: name as "A4" | "Letter",
        printBackground: true,
        margin: {
          top: `${MARGIN.y}mm`,
          bottom: `${MARGIN.y}mm`,
          left: `${MARGIN.x}mm`,
          right: `${MARGIN.x}mm`,
        },
      });
      assertOk(pdfPageCount(pdf) > 1, `${name}: ${pdfPageCount(pdf)} pages`);
      await Deno.writeFile(
        new URL(`print-${name.toLowerCase()}.pdf`, SCREENSHOTS),
        pdf,
      );
    }
  } finally {
    await browser?.close();
    await Deno.remove(tmp, { recursive: true });
    await Deno.remove(profile, { recursive: true });
  }
});
