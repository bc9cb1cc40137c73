/**
 * The period shortcuts in Chromium on the real data set: each button of
 * the filter bar sets From and To (and the URL) to the dates pandas worked
 * out on its own (tests/reference/comparison_reference.py), the cards then
 * show pandas' comparisons, the same as after typing those dates; the
 * pressed button follows the dates; "What changed" offers the shortcuts
 * when the selection has nothing earlier; the bar fits 390 px. Screenshots
 * go to reports/screenshots/periods-390.png and -1440.png.
 */
import type { Browser, Page } from "puppeteer-core";
import { assertEquals, assertOk } from "../assert.ts";
import { launchChromium, pageErrors, reportRunDir } from "./chromium_page.ts";
import { assertShows, reference, shown } from "./comparison_lines.ts";

const DATA = new URL("../../../shared/datasets/retail-kaggle", import.meta.url)
  .pathname;
const SCREENSHOTS = new URL("../../reports/screenshots/", import.meta.url);

/** The shortcuts' ids and the names of their cases in the reference. */
const SHORTCUTS = [
  ["month-to-date", "month to date (partial)"],
  ["last-month", "last month"],
  ["last-3-months", "last 3 months"],
  ["last-12-months", "last 12 months"],
] as const;

/** What the page shows of the dates: the inputs, the hash, the pressed buttons, the status. */
function dates(page: Page) {
  return page.evaluate(() => ({
    from: (document.querySelector('input[name="from"]') as HTMLInputElement)
      .value,
    to: (document.querySelector('input[name="to"]') as HTMLInputElement).value,
    hash: location.hash,
    pressed: [
      ...document.querySelectorAll(
        'form button[data-period][aria-pressed="true"]',
      ),
    ].map((b) => (b as HTMLElement).dataset.period),
    status: document.getElementById("filter-status")?.textContent,
  }));
}

/** The words of "What changed" and of the headline cards. */
function words(page: Page) {
  return page.evaluate(() =>
    ["what-changed", "headline"].map((id) =>
      (document.getElementById(id) as HTMLElement).innerText
    )
  );
}

const statusIs = (page: Page, text: string) =>
  page.waitForFunction(
    (t) => document.getElementById("filter-status")?.textContent === t,
    {},
    text,
  );

Deno.test("the period shortcuts set the dates pandas expects, and the cards compare as after typing them", async () => {
  const tmp = await Deno.makeTempDir({ prefix: "basket-periods-" });
  const profile = await Deno.makeTempDir({ prefix: "basket-chromium-" });
  let browser: Browser | undefined;
  try {
    const dir = await reportRunDir(DATA, tmp);
    browser = await launchChromium(profile);
    const page = await browser.newPage();
    const errors = pageErrors(page);
    await page.setViewport({ width: 390, height: 900 });
    await page.goto(`file://${dir}/index.html`, { waitUntil: "load" });
    await page.waitForFunction(() =>
      document.documentElement.dataset.ready === "true"
    );

    // The whole data, at 390 px: the bar fits, "All dates" is pressed,
    // and "What changed" offers each shortcut that has a comparison.
    const fit = await page.evaluate(() => {
      const form = document.getElementById("filters")!;
      const right = Math.max(
        ...[...form.querySelectorAll("button, input, summary")].map((e) =>
          e.getBoundingClientRect().right
        ),
      );
      return {
        page: document.documentElement.scrollWidth,
        form: form.scrollWidth - form.clientWidth,
        right,
      };
    });
    assertOk(
      fit.page <= 390 && fit.form <= 0 && fit.right <= 390,
      JSON.stringify(fit),
    );
    assertEquals((await dates(page)).pressed, ["all"]);
    const offers = await page.$$eval(
      "#what-changed button[data-period]",
      (buttons) => buttons.map((b) => (b as HTMLElement).dataset.period),
    );
    assertEquals(offers, SHORTCUTS.map(([id]) => id));
    const [changed] = await words(page);
    assertOk(!changed.includes("narrow the dates"), changed);
    assertOk(
      changed.includes(
        "Compare the last 3 months (November 2013 to January 2014) with the 92 days before and the same days a year earlier",
      ),
      changed,
    );
    await Deno.mkdir(SCREENSHOTS, { recursive: true });
    await page.screenshot({
      path: new URL("periods-390.png", SCREENSHOTS).pathname,
    });
    await page.setViewport({ width: 1440, height: 1000 });

    for (const [id, name] of SHORTCUTS) {
      const expected = reference(name);
      const { from, to } = expected.filter;
      // One click.
      await page.click("#reset-filters");
      await page.click(`form button[data-period="${id}"]`);
      await statusIs(page, `Filtered: from ${from}; to ${to}`);
      assertEquals(await dates(page), {
        from: from!,
        to: to!,
        hash: `#from=${from}&to=${to}`,
        pressed: [id],
        status: `Filtered: from ${from}; to ${to}`,
      });
      assertShows(await shown(page), expected);
      const clicked = await words(page);
      if (id === "last-month") {
        await page.screenshot({
          path: new URL("periods-1440.png", SCREENSHOTS).pathname,
        });
      }

      // The same dates typed by hand: the same page, no button pressed
      // but the one whose dates they are.
      await page.click("#reset-filters");
      await statusIs(page, "Showing all sales");
      await page.focus('input[name="from"]');
      await page.keyboard.type(
        `${from!.slice(5, 7)}${from!.slice(8)}${from!.slice(0, 4)}`,
      );
      await page.focus('input[name="to"]');
      await page.keyboard.type(
        `${to!.slice(5, 7)}${to!.slice(8)}${to!.slice(0, 4)}`,
      );
      await statusIs(page, `Filtered: from ${from}; to ${to}`);
      assertEquals(await words(page), clicked);
      assertEquals((await dates(page)).pressed, [id]);
    }

    // A date edited by hand clears the mark; the other filters stay when
    // a shortcut is picked.
    // (The arrow key moves one part of the date, whichever has focus.)
    await page.focus('input[name="from"]');
    await page.keyboard.press("ArrowUp");
    await page.waitForFunction(() =>
      document.getElementById("filter-status")?.textContent !==
        "Filtered: from 2013-02-01; to 2014-01-31"
    );
    const edited = await dates(page);
    assertOk(edited.from > "2013-02-01", edited.from);
    assertEquals(edited.hash, `#from=${edited.from}&to=2014-01-31`);
    assertEquals(edited.pressed, []);
    await page.click('details[data-filter="channel"] > summary');
    await page.click('input[name="channel"][value="e-Shop"]');
    await page.click('form button[data-period="last-month"]');
    await statusIs(
      page,
      "Filtered: channel e-Shop; from 2014-01-01; to 2014-01-31",
    );
    await page.click('form button[data-period="all"]');
    await statusIs(page, "Filtered: channel e-Shop");
    assertEquals((await dates(page)).pressed, ["all"]);

    // An offer of "What changed" works as its button, which takes focus.
    await page.click("#reset-filters");
    await statusIs(page, "Showing all sales");
    await page.click('#what-changed button[data-period="last-3-months"]');
    await statusIs(page, "Filtered: from 2013-11-01; to 2014-01-31");
    assertShows(await shown(page), reference("last 3 months"));
    assertEquals(
      await page.evaluate(() =>
        (document.activeElement as HTMLElement | null)?.dataset.period
      ),
      "last-3-months",
    );
    assertEquals(errors, []);
  } finally {
    await browser?.close();
    await Deno.remove(tmp, { recursive: true });
    await Deno.remove(profile, { recursive: true });
  }
});
