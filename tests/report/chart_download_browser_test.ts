/**
 * Every chart of the page downloads as SVG and as PNG, in Chromium: the
 * buttons under each chart save a standalone SVG document (its title,
 * legend and plot, well-formed) and a PNG drawn from it at twice its size, named after
 * the chart and the page's filters; charts drawn again after a filter get
 * their buttons too. The saved files are caught at URL.createObjectURL.
 */
import type { Browser, Page } from "puppeteer-core";
import { assertEquals, assertOk } from "../assert.ts";
import { runCli } from "../cli/run_cli.ts";
import { launchChromium, pageErrors } from "./chromium_page.ts";
import { writeFixtureCsv } from "./fixtures/report_fixture.ts";

interface Saved {
  name: string;
  type: string;
  size: number;
  text: string | null;
  head: number[];
  width: number;
  height: number;
}

/** Clicks one download button and returns the file it saved. */
async function download(page: Page, selector: string): Promise<Saved> {
  const before = await page.evaluate(() =>
    (globalThis as unknown as { saved: unknown[] }).saved.length
  );
  await page.click(selector);
  await page.waitForFunction(
    (n: number) =>
      (globalThis as unknown as { saved: unknown[] }).saved.length > n,
    {},
    before,
  );
  return await page.evaluate(async (n: number) => {
    const { blob, name } = (globalThis as unknown as {
      saved: { blob: Blob; name: string }[];
    }).saved[n];
    const bytes = new Uint8Array(await blob.arrayBuffer());
    const svg = blob.type === "image/svg+xml";
    const size = svg ? { width: 0, height: 0 } : await createImageBitmap(blob);
    return {
      name,
      type: blob.type,
      size: blob.size,
      text: svg ? new TextDecoder().decode(bytes) : null,
      head: [...bytes.slice(0, 8)],
      width: size.width,
      height: size.height,
    };
  }, before);
}

Deno.test("every chart downloads as an SVG document and a PNG drawn from it", async () => {
  const tmp = await Deno.makeTempDir({ prefix: "basket-chart-download-" });
  const profile = await Deno.makeTempDir({ prefix: "basket-chromium-" });
  let browser: Browser | undefined;
  try {
    await writeFixtureCsv(`${tmp}/data`);
    const run = await runCli("report", [
      "--data",
      `${tmp}/data`,
      "--out",
      `${tmp}/out`,
    ]);
    assertEquals(run.code, 0, run.stderr);
    const { dir } = JSON.parse(run.stdout.trim().split("\n").at(-1)!);
    browser = await launchChromium(profile);
    const page = await browser.newPage();
    const errors = pageErrors(page);
    await page.evaluateOnNewDocument(() => {
      const saved: { blob: Blob; name: string }[] = [];
      (globalThis as unknown as { saved: unknown[] }).saved = saved;
      const create = URL.createObjectURL;
      URL.createObjectURL = (blob: Blob | MediaSource) => {
        const url = create(blob);
        // The name is set on the link just after; read it on the click.
        const click = HTMLAnchorElement.prototype.click;
        HTMLAnchorElement.prototype.click = function () {
          if (this.href === url) {
            saved.push({ blob: blob as Blob, name: this.download });
          }
          HTMLAnchorElement.prototype.click = click;
        };
        return url;
      };
    });
    await page.setViewport({ width: 1440, height: 900 });
    await page.goto(`file://${dir}/index.html`, { waitUntil: "load" });
    await page.waitForFunction(() =>
      document.documentElement.dataset.ready === "true"
    );
    const charts = await page.$$eval(
      "figure.chart",
      (figures) =>
        figures.map((f) => ({
          id: f.id,
          title: f.querySelector("h2, h3, h4, h5")?.textContent?.trim() ?? "",
          buttons: f.querySelectorAll(":scope > .chart-tools button").length,
          legend: [
            ...f.querySelectorAll("div[class*='-swatches'] [class$='-swatch']"),
          ].map((s) => s.textContent?.trim() ?? ""),
        })),
    );
    assertOk(charts.length >= 10, `${charts.length} charts`);
    assertOk(charts.some((c) => c.legend.length > 1), "a chart with a legend");
    for (const chart of charts) {
      assertEquals(chart.buttons, 2, chart.id);
      const svg = await download(
        page,
        `#${chart.id} > .chart-tools button[data-format="svg"]`,
      );
      assertEquals(svg.name, `${chart.id}.svg`);
      assertEquals(svg.type, "image/svg+xml");
      assertOk(svg.size > 500, `${chart.id}.svg: ${svg.size} bytes`);
      const parsed = await page.evaluate((text: string) => {
        const doc = new DOMParser().parseFromString(text, "image/svg+xml");
        const root = doc.documentElement;
        return {
          error: doc.querySelector("parsererror")?.textContent ?? null,
          root: root.localName,
          width: Number(root.getAttribute("width")),
          height: Number(root.getAttribute("height")),
          text: root.textContent ?? "",
        };
      }, svg.text!);
      assertEquals(parsed.error, null, chart.id);
      assertEquals(parsed.root, "svg");
      assertOk(parsed.width > 100 && parsed.height > 100, chart.id);
      assertOk(parsed.text.includes(chart.title), chart.id);
      for (const label of chart.legend) {
        assertOk(parsed.text.includes(label), `${chart.id}: legend ${label}`);
      }
      const png = await download(
        page,
        `#${chart.id} > .chart-tools button[data-format="png"]`,
      );
      assertEquals(png.name, `${chart.id}.png`);
      assertEquals(png.type, "image/png");
      assertEquals(png.head, [137, 80, 78, 71, 13, 10, 26, 10]);
      assertOk(png.size > 2000, `${chart.id}.png: ${png.size} bytes`);
      assertEquals(png.width, Math.ceil(parsed.width * 2), chart.id);
      assertEquals(png.height, Math.ceil(parsed.height * 2), chart.id);
    }
    // A filter draws the sales charts again: they get their buttons, and
    // the files are named after the filter.
    await page.evaluate(() => location.hash = "#category=Books");
    await page.waitForFunction(() =>
      document.getElementById("filter-status")?.textContent?.startsWith(
        "Filtered",
      )
    );
    const weekly = await download(
      page,
      '#chart-weekly > .chart-tools button[data-format="png"]',
    );
    assertEquals(weekly.name, "chart-weekly_category-Books.png");
    assertEquals(errors, []);
  } finally {
    await browser?.close();
    await Deno.remove(tmp, { recursive: true });
    await Deno.remove(profile, { recursive: true });
  }
});
