/**
 * Click to filter in the customer section, in Chromium on the real data set:
 * a cluster's cell in the lift heat map, its row in the cluster table (by
 * keyboard too), a segment's bar and a segment × cluster cell set the
 * page's segment and cluster filters as the form does, a second click takes
 * them off, and the headline figures after a click are the ones the page
 * shows when the same filter is chosen in the form.
 */
import type { Page } from "puppeteer-core";
import { chartFilterHref } from "../../src/report/slots/chart_filter.ts";
import { assertEquals, assertOk } from "../assert.ts";
import { launchChromium, reportRunDir } from "./chromium_page.ts";

const DATA = new URL("../../../shared/datasets/retail-kaggle", import.meta.url)
  .pathname;

const status = (page: Page) =>
  page.$eval("#filter-status", (e) => e.textContent ?? "");

async function waitForStatus(page: Page, text: string): Promise<void> {
  await page.waitForFunction(
    (text) => document.getElementById("filter-status")?.textContent === text,
    {},
    text,
  );
}

/** Every headline figure, exact where the card has it: id and text. */
function headline(page: Page) {
  return page.$$eval("#headline [data-figure]", (cards) =>
    cards.map((card) => {
      const value = card.querySelector(".value");
      const exact = value?.querySelector(".exact");
      return `${card.getAttribute("data-figure")}: ${
        (exact ?? value)?.textContent?.trim()
      }`;
    }));
}

/** The checked values of one of the form's filter lists. */
function checked(page: Page, name: string) {
  return page.$$eval(
    `input[name="${name}"]:checked`,
    (inputs) => inputs.map((i) => (i as HTMLInputElement).value),
  );
}

/** Chooses `values` of the form's `name` list, as a reader does, and waits for the page to follow. */
async function chooseInForm(
  page: Page,
  choices: [name: string, value: string][],
  expected: string,
): Promise<string[]> {
  await page.click("#reset-filters");
  await waitForStatus(page, "Showing all sales");
  for (const [name, value] of choices) {
    await page.click(`details[data-filter="${name}"] > summary`);
    await page.click(`input[name="${name}"][value="${value}"]`);
    await page.keyboard.press("Escape");
  }
  await waitForStatus(page, expected);
  const figures = await headline(page);
  await page.click("#reset-filters");
  await waitForStatus(page, "Showing all sales");
  return figures;
}

Deno.test("clicks in the customer section filter the page by segment and cluster", async (t) => {
  const tmp = await Deno.makeTempDir({ prefix: "basket-clicks-" });
  const profile = await Deno.makeTempDir({ prefix: "basket-chromium-" });
  const browser = await launchChromium(profile);
  try {
    const dir = await reportRunDir(DATA, tmp);
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(String(error)));
    await page.setViewport({ width: 1440, height: 900 });
    await page.goto(`file://${dir}/index.html`, { waitUntil: "load" });
    await page.waitForFunction(() =>
      document.documentElement.dataset.charts === "drawn"
    );
    const clusters = await page.$$eval(
      'input[name="cluster"]',
      (inputs) => inputs.map((i) => (i as HTMLInputElement).value),
    );
    assertOk(clusters.length >= 2, `clusters: ${clusters}`);
    // A name with an apostrophe and an ampersand, when the data has one.
    const cluster = clusters.find((c) => /[&']/.test(c)) ?? clusters[1];
    const clusterHash = chartFilterHref({ cluster });
    const byCluster = `Filtered: cluster ${cluster}`;
    const formFigures = await chooseInForm(
      page,
      [["cluster", cluster]],
      byCluster,
    );
    assertOk(formFigures.length >= 4, formFigures.join("; "));
    const unfiltered = await headline(page);
    assertOk(
      formFigures.join() !== unfiltered.join(),
      "the cluster filter changes the headline",
    );

    const expectFiltered = async (hash: string, text: string) => {
      await waitForStatus(page, text);
      assertEquals(await page.evaluate(() => location.hash), hash);
    };
    const expectAll = async () => {
      await waitForStatus(page, "Showing all sales");
      assertEquals(await page.evaluate(() => location.hash), "");
      assertEquals(await checked(page, "cluster"), []);
      assertEquals(await checked(page, "segment"), []);
    };

    await t.step(
      "a cell of the lift heat map filters by its cluster, as the form does; a second click takes it off",
      async () => {
        const cell = `#chart-cluster-lift a[*|href="${clusterHash}"]`;
        await page.click(cell);
        await expectFiltered(clusterHash, byCluster);
        assertEquals(await checked(page, "cluster"), [cluster]);
        assertEquals(await headline(page), formFigures);
        await page.click(cell);
        await expectAll();
      },
    );

    await t.step(
      "the cluster's name in the cluster table filters by it, by keyboard too",
      async () => {
        const link =
          `#table-clusters a[data-filter-link][href="${clusterHash}"]`;
        await page.click(link);
        await expectFiltered(clusterHash, byCluster);
        assertEquals(await headline(page), formFigures);
        await page.click(link);
        await expectAll();
        await page.focus(link);
        await page.keyboard.press("Enter");
        await expectFiltered(clusterHash, byCluster);
        assertEquals(await checked(page, "cluster"), [cluster]);
        await page.keyboard.press("Enter");
        await expectAll();
      },
    );

    await t.step(
      "a heat-map cell of the lift chart answers Enter as a click",
      async () => {
        // Tab reaches an SVG link as it does an HTML one.
        const focused = await page.$eval(
          `#chart-cluster-lift a[*|href="${clusterHash}"]`,
          (a) => {
            (a as unknown as SVGElement).focus();
            return document.activeElement === a;
          },
        );
        assertOk(focused, "the cell's link takes the focus");
        await page.keyboard.press("Enter");
        await expectFiltered(clusterHash, byCluster);
        await page.keyboard.press("Enter");
        await expectAll();
      },
    );

    await t.step(
      "a segment's bar filters by the segment, and a segment × cluster cell by both",
      async () => {
        const segment = await page.$eval(
          'input[name="segment"]',
          (i) => (i as HTMLInputElement).value,
        );
        const segmentHash = chartFilterHref({ segment });
        const bySegment = `Filtered: segment ${segment}`;
        const segmentFigures = await chooseInForm(
          page,
          [["segment", segment]],
          bySegment,
        );
        await page.click(`#chart-rfm-segments a[*|href="${segmentHash}"]`);
        await expectFiltered(segmentHash, bySegment);
        assertEquals(await checked(page, "segment"), [segment]);
        assertEquals(await headline(page), segmentFigures);
        await page.click(`#chart-rfm-segments a[*|href="${segmentHash}"]`);
        await expectAll();

        const bothHash = chartFilterHref({ segment, cluster });
        const both = `Filtered: segment ${segment}; cluster ${cluster}`;
        const bothFigures = await chooseInForm(
          page,
          [["segment", segment], ["cluster", cluster]],
          both,
        );
        const cell = `#chart-segment-cluster a[*|href="${bothHash}"]`;
        await page.click(cell);
        await expectFiltered(bothHash, both);
        assertEquals(await checked(page, "segment"), [segment]);
        assertEquals(await checked(page, "cluster"), [cluster]);
        assertEquals(await headline(page), bothFigures);
        await page.click(cell);
        await expectAll();
      },
    );

    await t.step(
      "a link to a value the form does not offer (a segment of no customer) says so and filters nothing",
      async () => {
        await page.evaluate(() => {
          const link = document.createElement("a");
          link.href = "#segment=Nobody";
          link.dataset.filterLink = "";
          link.id = "no-such-segment";
          link.textContent = "Nobody";
          document.querySelector("#table-rfm-segments caption")!.append(link);
        });
        await page.click("#no-such-segment");
        await waitForStatus(
          page,
          'Nothing to filter by: no sales of segment "Nobody"',
        );
        assertEquals(await page.evaluate(() => location.hash), "");
        assertEquals(await checked(page, "segment"), []);
        await page.click("#reset-filters");
      },
    );

    assertEquals(await status(page), "Showing all sales");
    assertEquals(errors, []);
  } finally {
    await browser.close();
    await Deno.remove(tmp, { recursive: true });
    await Deno.remove(profile, { recursive: true });
  }
});
