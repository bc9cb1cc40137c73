/**
 * The headline cards in Chromium on the real data set: no value runs out of
 * its card, on a phone or a wide screen, in dollars or in German euros.
 */
import type { Browser } from "puppeteer-core";
import { assertEquals } from "../assert.ts";
import { runCli } from "../cli/run_cli.ts";
import { launchChromium } from "./chromium_page.ts";

const DATA = new URL("../../../shared/datasets/retail-kaggle", import.meta.url)
  .pathname;
const SCREENSHOTS = new URL("../../reports/screenshots/", import.meta.url);

Deno.test("no headline value overflows its card at 390 and 1440 px on the real data", async () => {
  const tmp = await Deno.makeTempDir({ prefix: "basket-headline-" });
  const profile = await Deno.makeTempDir({ prefix: "basket-chromium-" });
  let browser: Browser | undefined;
  try {
    browser = await launchChromium(profile);
    const page = await browser.newPage();
    await Deno.mkdir(SCREENSHOTS, { recursive: true });
    for (
      const [name, extra] of [
        ["usd", []],
        ["eur-de", ["--currency", "EUR", "--locale", "de-DE"]],
      ] as const
    ) {
      const run = await runCli("report", [
        "--data",
        DATA,
        "--out",
        `${tmp}/${name}`,
        "--no-cache",
        ...extra,
      ]);
      assertEquals(run.code, 0, run.stderr);
      const { dir } = JSON.parse(run.stdout.trim().split("\n").at(-1)!);
      for (const width of [390, 1440]) {
        await page.setViewport({ width, height: 900 });
        await page.goto(`file://${dir}/index.html`, { waitUntil: "load" });
        const overflowing = await page.$$eval(
          ".headline .card .value",
          (values) =>
            values
              .filter((v) => v.scrollWidth > v.clientWidth)
              .map((v) =>
                `${v.closest(".card")!.getAttribute("data-figure")}: ${
                  (v as HTMLElement).innerText
                } (${v.scrollWidth} > ${v.clientWidth} px)`
              ),
        );
        assertEquals(overflowing, [], `${name} at ${width} px`);
        const headline = await page.$("#headline");
        await headline!.screenshot({
          path: new URL(`headline-${name}-${width}.png`, SCREENSHOTS).pathname,
        });
      }
    }
  } finally {
    await browser?.close();
    await Deno.remove(tmp, { recursive: true });
    await Deno.remove(profile, { recursive: true });
  }
});
