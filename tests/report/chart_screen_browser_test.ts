/**
 * The charts in Chromium on the real data set, as a reader sees them: drawn
 * for the screen's width (no chart text under 11 px on a phone, charts as
 * wide as their column on a wide screen), tips on hover, a click on a bar or
 * a heat-map cell filters by it, filter lists close on Escape and on a click
 * outside, a chart with nothing to show says so, and the dimensions the data
 * does not have are left out.
 * Screenshots go to `reports/screenshots/`.
 */
import type { Browser, Page } from "puppeteer-core";
import { numberFormats } from "../../src/figures/format/number_formats.ts";
import { assertEquals, assertOk, assertStringIncludes } from "../assert.ts";
import { launchChromium, pageErrors, reportRunDir } from "./chromium_page.ts";

const DATA = new URL("../../../shared/datasets/retail-kaggle", import.meta.url)
  .pathname;
const SCREENSHOTS = new URL("../../reports/screenshots/", import.meta.url);
const FORMAT = numberFormats();

async function load(page: Page, url: string): Promise<void> {
  await page.goto(url, { waitUntil: "load" });
  await page.waitForFunction(() =>
    document.documentElement.dataset.charts === "drawn"
  );
}

/**
 * Every chart text drawn past its chart's edges (cut off on screen): SVG
 * text whose box reaches more than a pixel outside its SVG's box.
 */
function clippedText(page: Page) {
  return page.evaluate(() => {
    const clipped: string[] = [];
    for (const svg of document.querySelectorAll("figure.chart svg")) {
      const edge = svg.getBoundingClientRect();
      if (edge.width === 0) continue;
      for (const text of svg.querySelectorAll("text")) {
        if (!(text.textContent ?? "").trim()) continue;
        const box = text.getBoundingClientRect();
        if (box.width === 0 && box.height === 0) continue;
        if (
          box.left < edge.left - 1 || box.right > edge.right + 1 ||
          box.top < edge.top - 1 || box.bottom > edge.bottom + 1
        ) {
          clipped.push(
            `${svg.closest("figure.chart")?.id}: "${text.textContent}"`,
          );
        }
      }
    }
    return clipped;
  });
}

/** Every chart text (SVG text, legend labels) drawn under `min` px on screen. */
function smallText(page: Page, min: number) {
  return page.evaluate((min) => {
    const small: string[] = [];
    let checked = 0;
    const check = (e: Element, scale: number) => {
      if (!(e.textContent ?? "").trim()) return;
      const box = e.getBoundingClientRect();
      if (box.width === 0 && box.height === 0) return; // not drawn (a tip not shown)
      checked++;
      const size = parseFloat(getComputedStyle(e).fontSize) * scale;
      if (size < min) {
        small.push(
          `${e.closest("figure.chart")?.id}: "${e.textContent}" at ${
            size.toFixed(1)
          } px`,
        );
      }
    };
    for (const svg of document.querySelectorAll("figure.chart svg")) {
      const viewBox = (svg as SVGSVGElement).viewBox.baseVal;
      const scale = viewBox?.width
        ? svg.getBoundingClientRect().width / viewBox.width
        : 1;
      for (const text of svg.querySelectorAll("text")) check(text, scale);
    }
    for (
      const swatch of document.querySelectorAll(
        'figure.chart [class$="-swatch"]',
      )
    ) check(swatch, 1);
    return { small, checked };
  }, min);
}

/** The main chart SVG of each drawn chart: its drawing width and its width on screen, and its figure's. */
function chartWidths(page: Page) {
  return page.$$eval(
    "figure.chart[data-width]",
    (figures) =>
      figures.map((f) => {
        const svg = [...f.querySelectorAll("svg")].find((s) =>
          !s.closest('[class*="-swatches"]') &&
          !s.getAttribute("class")?.endsWith("-ramp")
        )!;
        return {
          id: f.id,
          drawn: svg.viewBox.baseVal.width,
          shown: Math.round(svg.getBoundingClientRect().width),
          figure: Math.floor(f.getBoundingClientRect().width),
        };
      }),
  );
}

const text = (page: Page, selector: string) =>
  page.$eval(selector, (e) => (e as HTMLElement).innerText.trim());

Deno.test("the charts in Chromium on the real data set", async (t) => {
  const tmp = await Deno.makeTempDir({ prefix: "basket-charts-" });
  const profile = await Deno.makeTempDir({ prefix: "basket-chromium-" });
  let browser: Browser | undefined;
  try {
    const dir = await reportRunDir(DATA, tmp);
    const url = `file://${dir}/index.html`;
    const json = JSON.parse(await Deno.readTextFile(`${dir}/report.json`));
    browser = await launchChromium(profile);
    const page = await browser.newPage();
    const errors = pageErrors(page);
    await Deno.mkdir(SCREENSHOTS, { recursive: true });

    await t.step(
      "at 390 px every chart is drawn at its width, no chart text under 11 px or cut off at its edges",
      async () => {
        await page.setViewport({ width: 390, height: 900 });
        await load(page, url);
        const { small, checked } = await smallText(page, 11);
        assertEquals(small, []);
        assertOk(checked > 300, `only ${checked} chart texts checked`);
        assertEquals(await clippedText(page), []);
        const widths = await chartWidths(page);
        assertOk(widths.length >= 15, `${widths.length} charts`);
        for (const w of widths) {
          assertOk(Math.abs(w.drawn - w.shown) <= 1, JSON.stringify(w));
          assertOk(w.drawn <= 390, JSON.stringify(w));
        }
        await page.screenshot({
          path: new URL("charts-real-390.png", SCREENSHOTS).pathname,
          fullPage: true,
        });
      },
    );

    await t.step(
      "at 1440 px each chart is as wide as its column, and drawn again when the window narrows",
      async () => {
        await page.setViewport({ width: 1440, height: 900 });
        await page.waitForFunction(() =>
          [...document.querySelectorAll<HTMLElement>(
            "figure.chart[data-width]",
          )]
            .every((f) =>
              Math.abs(
                Number(f.dataset.width) - f.getBoundingClientRect().width,
              ) <= 1
            )
        );
        for (const w of await chartWidths(page)) {
          assertOk(Math.abs(w.drawn - w.figure) <= 1, JSON.stringify(w));
          assertOk(w.drawn > 560, JSON.stringify(w));
        }
        await page.screenshot({
          path: new URL("charts-real-1440.png", SCREENSHOTS).pathname,
          fullPage: true,
        });
        await page.setViewport({ width: 700, height: 900 });
        await page.waitForFunction(() =>
          Number(
            document.querySelector<HTMLElement>("#chart-categories")?.dataset
              .width,
          ) < 700
        );
        await page.setViewport({ width: 1440, height: 900 });
        await page.waitForFunction(() =>
          Number(
            document.querySelector<HTMLElement>("#chart-categories")?.dataset
              .width,
          ) > 560
        );
        // Every pass of drawing again has finished: a chart is not replaced
        // under the pointer in the next steps.
        await page.waitForFunction(() =>
          document.documentElement.dataset.charts === "drawn"
        );
      },
    );

    const books = json.sales.byCategory.find((
      r: { category: string },
    ) => r.category === "Books");

    await t.step(
      "hovering a bar shows its tip, in the page's money format",
      async () => {
        await page.hover('#chart-categories a[*|href="#category=Books"] rect');
        await page.waitForFunction(() =>
          (document.querySelector('#chart-categories g[aria-label="tip"]')
            ?.textContent ?? "").includes("Books")
        );
        const tip = await page.$eval(
          '#chart-categories g[aria-label="tip"]',
          (g) => g.textContent ?? "",
        );
        assertStringIncludes(tip, FORMAT.wholeMoney(books.totalSales));
        assertStringIncludes(tip, FORMAT.percent(books.share));
      },
    );

    await t.step(
      "clicking a bar filters by it; clicking it again takes the filter off",
      async () => {
        await page.click('#chart-categories a[*|href="#category=Books"]');
        await page.waitForFunction(() =>
          document.getElementById("filter-status")?.textContent ===
            "Filtered: category Books"
        );
        assertEquals(
          await page.evaluate(() => location.hash),
          "#category=Books",
        );
        assertOk(
          await page.$eval(
            'input[name="category"][value="Books"]',
            (i) => (i as HTMLInputElement).checked,
          ),
        );
        assertEquals(
          await text(page, '[data-figure="totalSales"] .value .exact'),
          FORMAT.money(books.totalSales),
        );
        // The redrawn category chart has the one bar, still a link.
        await page.click('#chart-categories a[*|href="#category=Books"]');
        await page.waitForFunction(() =>
          document.getElementById("filter-status")?.textContent ===
            "Showing all sales"
        );
        assertEquals(await page.evaluate(() => location.hash), "");
      },
    );

    await t.step(
      "clicking a heat-map cell filters by its category and month",
      async () => {
        const cell = json.sales.monthCategoryGrid.find((
          c: { category: string; month: string },
        ) => c.category === "Books" && c.month === "2013-01");
        await page.click(
          '#chart-month-category-grid a[*|href="#category=Books&from=2013-01-01&to=2013-01-31"]',
        );
        await page.waitForFunction(() =>
          document.getElementById("filter-status")?.textContent ===
            "Filtered: category Books; from 2013-01-01; to 2013-01-31"
        );
        assertEquals(
          await text(page, '[data-figure="totalSales"] .value .exact'),
          FORMAT.money(cell.totalSales),
        );
        await page.click("#reset-filters");
        await page.waitForFunction(() =>
          document.getElementById("filter-status")?.textContent ===
            "Showing all sales"
        );
      },
    );

    await t.step(
      "an open filter list closes on Escape and on a click outside it",
      async () => {
        const open = () =>
          page.$eval(
            'details[data-filter="region"]',
            (d) => (d as HTMLDetailsElement).open,
          );
        await page.click('details[data-filter="region"] > summary');
        assertEquals(await open(), true);
        await page.keyboard.press("Escape");
        assertEquals(await open(), false);
        assertEquals(
          await page.evaluate(() =>
            document.activeElement?.closest("details")?.dataset.filter
          ),
          "region",
        );
        await page.click('details[data-filter="region"] > summary');
        assertEquals(await open(), true);
        await page.click("#h-sales");
        assertEquals(await open(), false);
      },
    );

    await t.step(
      "the store cities and departments the data does not have are left out, and the methods say so",
      async () => {
        assertEquals(
          await page.$('#chart-stores [class*="-swatches"]'),
          null,
        );
        assertEquals(await page.$("#table-departments"), null);
        assertStringIncludes(
          await text(page, "#methods"),
          "The data has no store cities and no departments",
        );
      },
    );

    await t.step(
      "a filter that keeps no sale says so in each chart's place, with no empty axes",
      async () => {
        await page.goto(`${url}#from=2010-01-01&to=2010-01-05`);
        await page.waitForFunction(() =>
          document.getElementById("filter-status")?.textContent ===
            "Filtered: from 2010-01-01; to 2010-01-05"
        );
        const charts = await page.$$eval(
          "#sales figure.chart",
          (figures) =>
            figures.map((f) => ({
              id: f.id,
              note: f.querySelector(".notice")?.textContent ?? "",
              svg: f.querySelector("svg") !== null,
            })),
        );
        assertOk(charts.length >= 10, `${charts.length} charts`);
        for (const chart of charts) {
          assertEquals(chart.svg, false, chart.id);
          assertStringIncludes(chart.note, "Nothing to show");
        }
      },
    );

    assertEquals(errors, []);
  } finally {
    await browser?.close();
    await Deno.remove(tmp, { recursive: true });
    await Deno.remove(profile, { recursive: true });
  }
});
