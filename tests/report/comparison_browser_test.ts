/**
 * The comparisons in Chromium on the real data set: the cards' changes
 * against the previous period and a year before, and the largest movers of
 * "What changed", equal the values pandas computed on their own
 * (tests/reference/comparison_reference.json), for a filter from the URL
 * hash and again after filters picked in the form. Screenshots of the top
 * of the page go to reports/screenshots/.
 */
import type { Browser } from "puppeteer-core";
import { assertEquals, assertOk } from "../assert.ts";
import { launchChromium, pageErrors, reportRunDir } from "./chromium_page.ts";
import { assertShows, reference, shown } from "./comparison_lines.ts";

const DATA = new URL("../../../shared/datasets/retail-kaggle", import.meta.url)
  .pathname;
const SCREENSHOTS = new URL("../../reports/screenshots/", import.meta.url);

Deno.test("the cards' comparisons and the movers equal pandas' in Chromium, and follow the filters", async () => {
  const tmp = await Deno.makeTempDir({ prefix: "basket-comparison-" });
  const profile = await Deno.makeTempDir({ prefix: "basket-chromium-" });
  let browser: Browser | undefined;
  try {
    const dir = await reportRunDir(DATA, tmp);
    browser = await launchChromium(profile);
    const page = await browser.newPage();
    const errors = pageErrors(page);
    const ready = () =>
      page.waitForFunction(() =>
        document.documentElement.dataset.ready === "true"
      );

    // The whole data: nothing earlier to compare with.
    await page.setViewport({ width: 1440, height: 1000 });
    await page.goto(`file://${dir}/index.html`, { waitUntil: "load" });
    await ready();
    assertShows(await shown(page), reference("whole data"));

    // A date filter in the URL.
    await page.goto(`file://${dir}/index.html#from=2014-01-01`, {
      waitUntil: "load",
    });
    await ready();
    await page.waitForFunction(() =>
      document.getElementById("filter-status")?.textContent ===
        "Filtered: from 2014-01-01"
    );
    assertShows(await shown(page), reference("January and February 2014"));
    await Deno.mkdir(SCREENSHOTS, { recursive: true });
    for (const width of [390, 1440]) {
      await page.setViewport({ width, height: 1400 });
      await page.screenshot({
        path: new URL(`comparison-${width}.png`, SCREENSHOTS).pathname,
      });
    }
    await page.setViewport({ width: 1440, height: 1000 });

    // Filters picked in the form: a channel and a date range.
    await page.click("#reset-filters");
    await page.click('details[data-filter="channel"] > summary');
    await page.click('input[name="channel"][value="e-Shop"]');
    await page.focus('input[name="from"]');
    await page.keyboard.type("07012013");
    await page.focus('input[name="to"]');
    await page.keyboard.type("12312013");
    await page.waitForFunction(() =>
      document.getElementById("filter-status")?.textContent ===
        "Filtered: channel e-Shop; from 2013-07-01; to 2013-12-31"
    );
    assertShows(await shown(page), reference("e-Shop, second half of 2013"));
    const table = await page.$$eval(
      "#table-channels thead th",
      (cells) => cells.map((c) => (c as HTMLElement).innerText.trim()),
    );
    assertOk(table.includes("vs previous period"), table.join(" | "));
    assertOk(table.includes("vs last year"), table.join(" | "));
    assertEquals(errors, []);
  } finally {
    await browser?.close();
    await Deno.remove(tmp, { recursive: true });
    await Deno.remove(profile, { recursive: true });
  }
});
