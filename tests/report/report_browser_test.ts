/**
 * The report page in real Chromium, opened from `file://` as a reader who
 * saved it would: no request leaves it, no console error, the filters
 * (clicked, and from the keyboard) give the figures of a report built with
 * the same filters on the command line, the URL hash round-trips, reset
 * returns to the whole picture, a CSV downloads, nothing overflows at 375
 * and 1440 px, and a store named `<script>alert(1)</script>` is only text.
 * Screenshots of the default report go to `reports/screenshots/`.
 */
import puppeteer, { type Browser, type Page } from "puppeteer-core";
import { filterHash } from "../../src/report/filter_state.ts";
import { csvFileName } from "../../src/report/table_spec.ts";
import { numberFormats } from "../../src/figures/format/number_formats.ts";
import { formatValue } from "../../src/report/format_value.ts";

const FORMAT = numberFormats();
const { integer: formatInteger, money: formatMoney } = FORMAT;
import { assertEquals, assertOk, assertStringIncludes } from "../assert.ts";
import { runCli } from "../cli/run_cli.ts";
import {
  fixtureSales,
  HOSTILE_STORE,
  writeFixtureCsv,
} from "./fixtures/report_fixture.ts";

const CATEGORY = "Books";
const SCREENSHOTS = new URL("../../reports/screenshots/", import.meta.url);

interface Built {
  dir: string;
  url: string;
  // deno-lint-ignore no-explicit-any
  json: any;
}

/** Builds a report on the command line; its folder, file URL and report.json. */
async function build(args: string[]): Promise<Built> {
  const run = await runCli("report", args);
  assertEquals(run.code, 0, run.stderr);
  const { dir } = JSON.parse(run.stdout.trim().split("\n").at(-1)!);
  return {
    dir,
    url: `file://${dir}/index.html`,
    json: JSON.parse(await Deno.readTextFile(`${dir}/report.json`)),
  };
}

/** A tab that records console errors, page errors, requests and dialogs. */
async function openTab(browser: Browser) {
  const page = await browser.newPage();
  const errors: string[] = [];
  const requests: string[] = [];
  const dialogs: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(String(error)));
  page.on("request", (request) => requests.push(request.url()));
  page.on("dialog", async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  return { page, errors, requests, dialogs };
}

/** Goes to `url` and waits for the page's script to be ready. */
async function load(page: Page, url: string): Promise<void> {
  await page.goto(url, { waitUntil: "load" });
  await page.waitForFunction(() =>
    document.documentElement.dataset.ready === "true"
  );
}

const text = (page: Page, selector: string) =>
  page.$eval(selector, (e) => (e as HTMLElement).innerText.trim());
const netSales = (page: Page) =>
  text(page, '[data-figure="totalSales"] .value .exact');
const status = (page: Page) => text(page, "#filter-status");

/** Ticks a filter's checkbox by clicking, opening its list first. */
async function tick(page: Page, filter: string, value: string): Promise<void> {
  const open = await page.$eval(
    `details[data-filter="${filter}"]`,
    (d) => (d as HTMLDetailsElement).open,
  );
  if (!open) await page.click(`details[data-filter="${filter}"] > summary`);
  await page.click(
    `input[name="${filter}"][value="${value.replaceAll('"', '\\"')}"]`,
  );
}

/** The rows of a page table: header cell and the other cells' text. */
function tableRows(page: Page, id: string): Promise<string[][]> {
  return page.$$eval(
    `#table-${id} tbody tr`,
    (rows) =>
      rows.map((row) =>
        [...row.children].map((cell) => (cell as HTMLElement).innerText.trim())
      ),
  );
}

/** A group's "vs previous period" and "vs last year" cells, from report.json's comparison. */
function comparedCells(
  groups: { key: string; previousChange: number; yearAgoChange: number }[],
  key: string,
): string[] {
  const group = groups.find((g) => g.key === key);
  return [
    formatValue(group?.previousChange ?? null, "change", FORMAT),
    formatValue(group?.yearAgoChange ?? null, "change", FORMAT),
  ];
}

/** Page width against the viewport's, and what sticks out past it. */
function overflow(page: Page) {
  return page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth,
    wide: [...document.querySelectorAll("body *")]
      .filter((e) => e.getBoundingClientRect().right > innerWidth + 0.5)
      .filter((e) => !e.closest(".table-wrap, .skip"))
      .slice(0, 5)
      .map((e) => `${e.tagName.toLowerCase()}.${e.className}`),
  }));
}

Deno.test("the report page in Chromium", async (t) => {
  const tmp = await Deno.makeTempDir({ prefix: "basket-report-browser-" });
  const profile = await Deno.makeTempDir({ prefix: "basket-chromium-" });
  let browser: Browser | undefined;
  try {
    const data = `${tmp}/data`;
    await writeFixtureCsv(data);
    const all = await build(["--data", data, "--out", `${tmp}/all`]);
    const segment = [...all.json.customers.rfm.segments]
      .sort((a, b) =>
        b.customers - a.customers || (a.name < b.name ? -1 : 1)
      )[0]
      .name as string;
    const filtered = await build([
      "--data",
      data,
      "--out",
      `${tmp}/filtered`,
      "--category",
      CATEGORY,
      "--segment",
      segment,
    ]);
    const builtIn = await build(["--out", `${tmp}/default`]);
    browser = await puppeteer.launch({
      executablePath: "/usr/bin/chromium",
      headless: true,
      userDataDir: profile,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    });
    const { page, errors, requests, dialogs } = await openTab(browser);
    await page.setViewport({ width: 1440, height: 900 });
    await load(page, all.url);
    const whole = formatMoney(all.json.sales.total);

    await t.step(
      "opened from file:// it runs without an error and requests nothing outside the page",
      async () => {
        assertEquals(errors, []);
        assertEquals(
          requests.filter((url) => !/^(file|data|blob):/.test(url)),
          [],
        );
        assertEquals(
          await page.evaluate(() => document.compatMode),
          "CSS1Compat",
        );
        assertEquals(await netSales(page), whole);
        assertEquals(await status(page), "Showing all sales");
      },
    );

    await t.step(
      "the store named <script>alert(1)</script> shows as text and runs nothing",
      async () => {
        assertEquals(dialogs, []);
        assertEquals(await page.$$eval("script", (s) => s.length), 2);
        const label = await page.$eval(
          'input[name="store"]',
          (input) => (input as HTMLInputElement).value,
        );
        assertEquals(label, HOSTILE_STORE);
        const stores = await tableRows(page, "stores");
        assertOk(stores.some((row) => row[0] === HOSTILE_STORE));
        const description = await page.$eval(
          "#chart-stores svg[aria-description]",
          (svg) => svg.getAttribute("aria-description"),
        );
        assertStringIncludes(description!, `${HOSTILE_STORE} (York)`);
      },
    );

    const categoriesChart = () =>
      page.$eval("#chart-categories svg[aria-label]", (svg) => svg.outerHTML);
    const chartBefore = await categoriesChart();

    await t.step(
      `ticking ${CATEGORY} and then the largest segment recomputes the headline, charts and tables as the command line does with --category and --segment`,
      async () => {
        await tick(page, "category", CATEGORY);
        await page.waitForFunction(
          () =>
            document.getElementById("filter-status")?.textContent ===
              "Filtered: category Books",
        );
        const books = fixtureSales().filter((l) => l.category === CATEGORY);
        assertEquals(
          await netSales(page),
          formatMoney(books.reduce((s, l) => s + l.amount, 0)),
        );
        await tick(page, "segment", segment);
        await page.waitForFunction(
          (segment) =>
            document.getElementById("filter-status")?.textContent ===
              `Filtered: category Books; segment ${segment}`,
          {},
          segment,
        );
        const sales = filtered.json.sales;
        assertOk(sales.total !== 0 && sales.total < books.length * 1000);
        assertEquals(await netSales(page), formatMoney(sales.total));
        for (const figure of ["saleLines", "transactions", "customers"]) {
          assertEquals(
            await text(page, `[data-figure="${figure}"] .value`),
            formatInteger(sales.headline[figure]),
            figure,
          );
        }
        assertEquals(
          await text(page, '[data-figure="averageBasket"] .value .exact'),
          formatMoney(sales.headline.averageBasket),
        );
        assertEquals(
          await tableRows(page, "categories"),
          sales.byCategory.map((
            r: {
              category: string;
              totalSales: number;
              grossSales: number;
              returnsValue: number;
              saleLines: number;
            },
          ) => [
            r.category,
            formatMoney(r.totalSales),
            formatMoney(r.grossSales),
            formatMoney(r.returnsValue),
            formatInteger(r.saleLines),
            "100.0%",
            // Against the earlier periods, as the command line compares.
            ...comparedCells(sales.comparison.groups.category, r.category),
          ]),
        );
        const stores = await tableRows(page, "stores");
        assertEquals(
          stores.map((row) => [row[0], row[4]]),
          sales.byStore.map((r: { store: string; totalSales: number }) => [
            r.store,
            formatMoney(r.totalSales),
          ]),
        );
        const chart = await categoriesChart();
        assertOk(chart !== chartBefore, "the categories chart changed");
        assertStringIncludes(chart, CATEGORY);
        // The cohorts follow the segment filter, not the category one, as
        // the command line's do: the segment's customers, by first month.
        const cohorts = (await tableRows(page, "cohorts")).map((row) =>
          row.slice(0, 2)
        );
        const cohortsOf = (json: Built["json"]) =>
          json.cohorts.rows.map((r: { cohort: string; customers: number }) => [
            r.cohort,
            formatInteger(r.customers),
          ]);
        assertEquals(cohorts, cohortsOf(filtered.json));
        assertOk(
          JSON.stringify(cohorts) !== JSON.stringify(cohortsOf(all.json)),
          "the cohorts changed with the segment",
        );
        assertEquals(errors, []);
      },
    );

    await t.step(
      "the URL hash holds the filters, and reloading with it shows the same figures",
      async () => {
        const hash = await page.evaluate(() => location.hash);
        assertEquals(
          hash,
          filterHash({ categories: [CATEGORY], segments: [segment] }),
        );
        const figure = await netSales(page);
        await page.reload({ waitUntil: "load" });
        await page.waitForFunction(() =>
          document.documentElement.dataset.ready === "true"
        );
        assertEquals(await netSales(page), figure);
        assertEquals(
          await page.$$eval(
            "#filters input:checked",
            (inputs) => inputs.map((i) => (i as HTMLInputElement).value),
          ),
          [CATEGORY, segment],
        );
        assertStringIncludes(
          await text(page, 'details[data-filter="category"] .count'),
          "(1 of ",
        );
        assertEquals(errors, []);
      },
    );

    await t.step("reset returns to the whole picture", async () => {
      await page.click("#reset-filters");
      await page.waitForFunction(() =>
        document.getElementById("filter-status")?.textContent ===
          "Showing all sales"
      );
      assertEquals(await netSales(page), whole);
      assertEquals(await page.evaluate(() => location.hash), "");
      assertEquals(
        await page.$$eval("#filters input:checked", (i) => i.length),
        0,
      );
      assertEquals(await categoriesChart(), chartBefore);
    });

    await t.step(
      "a filter is reached with Tab and ticked with Space",
      async () => {
        await page.evaluate(() => globalThis.scrollTo(0, 0));
        await page.focus("a.skip");
        const focused = () =>
          page.evaluate(() => {
            const e = document.activeElement;
            return e?.tagName === "SUMMARY"
              ? `summary:${e.parentElement?.getAttribute("data-filter")}`
              : e?.tagName === "INPUT"
              ? `input:${(e as HTMLInputElement).value}`
              : e?.tagName ?? "";
          });
        let presses = 0;
        while ((await focused()) !== "summary:category" && presses++ < 30) {
          await page.keyboard.press("Tab");
        }
        assertEquals(await focused(), "summary:category");
        await page.keyboard.press("Space");
        await page.keyboard.press("Tab");
        assertEquals(await focused(), `input:${CATEGORY}`);
        await page.keyboard.press("Space");
        await page.waitForFunction(() =>
          document.getElementById("filter-status")?.textContent ===
            "Filtered: category Books"
        );
        assertEquals(
          await netSales(page),
          formatMoney(
            fixtureSales().filter((l) => l.category === CATEGORY).reduce(
              (s, l) => s + l.amount,
              0,
            ),
          ),
        );
        await page.keyboard.press("Space");
        await page.waitForFunction(() =>
          document.getElementById("filter-status")?.textContent ===
            "Showing all sales"
        );
      },
    );

    await t.step(
      "a table's CSV button downloads the table as CSV",
      async () => {
        const downloads = `${tmp}/downloads`;
        await Deno.mkdir(downloads);
        const session = await page.createCDPSession();
        await session.send("Browser.setDownloadBehavior", {
          behavior: "allow",
          downloadPath: downloads,
        });
        await page.click('button.csv[data-table="stores"]');
        let csv: string | null = null;
        for (let i = 0; i < 100 && csv === null; i++) {
          csv = await Deno.readTextFile(`${downloads}/stores.csv`).catch(() =>
            null
          );
          if (csv === null) await new Promise((r) => setTimeout(r, 50));
        }
        assertEquals(
          csv,
          await Deno.readTextFile(`${all.dir}/stores.csv`),
          "the unfiltered table's CSV is the one beside the page",
        );
        const filtered = csvFileName("stores", { categories: [CATEGORY] });
        await page.evaluate(
          (hash) => location.hash = hash,
          filterHash({ categories: [CATEGORY] }),
        );
        await page.waitForFunction(() =>
          document.getElementById("filter-status")?.textContent?.startsWith(
            "Filtered",
          )
        );
        await page.click('button.csv[data-table="stores"]');
        let filteredCsv: string | null = null;
        for (let i = 0; i < 100 && filteredCsv === null; i++) {
          filteredCsv = await Deno.readTextFile(`${downloads}/${filtered}`)
            .catch(() => null);
          if (filteredCsv === null) await new Promise((r) => setTimeout(r, 50));
        }
        assertOk(filteredCsv !== null, `${filtered} was downloaded`);
        assertEquals(filteredCsv.split("\r\n")[0], csv!.split("\r\n")[0]);
        assertOk(filteredCsv !== csv, "the filtered CSV holds other figures");
        await page.click("#reset-filters");
        await page.waitForFunction(() =>
          document.getElementById("filter-status")?.textContent ===
            "Showing all sales"
        );
        assertEquals(
          requests.filter((url) => !/^(file|data|blob):/.test(url)),
          [],
        );
        await session.detach();
      },
    );

    await t.step(
      "a value in the URL hash that the report lacks is left out, with a visible note",
      async () => {
        const wanted = filterHash({ categories: [CATEGORY] });
        await page.evaluate(
          (hash) => location.hash = hash,
          `${wanted}&category=Bookz`,
        );
        await page.waitForFunction(() =>
          document.getElementById("filter-status")?.textContent?.includes(
            "Left out of the link",
          )
        );
        assertEquals(
          await text(page, "#filter-status"),
          `Filtered: category ${CATEGORY}. Left out of the link, as this report has no category "Bookz"`,
        );
        assertEquals(await page.evaluate(() => location.hash), wanted);
        await page.click("#reset-filters");
        await page.waitForFunction(() =>
          document.getElementById("filter-status")?.textContent ===
            "Showing all sales"
        );
        assertEquals(errors, []);
      },
    );

    await t.step(
      "a date range typed into the date fields gives its figures and their change against the previous period of equal length",
      async () => {
        const total = (from: string, to: string) =>
          fixtureSales().filter((l) => l.date >= from && l.date <= to)
            .reduce((s, l) => s + l.amount, 0);
        await page.focus('input[name="from"]');
        await page.keyboard.type("04012025");
        await page.focus('input[name="to"]');
        await page.keyboard.type("04272025");
        await page.waitForFunction(() =>
          document.getElementById("filter-status")?.textContent ===
            "Filtered: from 2025-04-01; to 2025-04-27"
        );
        const current = total("2025-04-01", "2025-04-27");
        const previous = total("2025-03-05", "2025-03-31");
        assertEquals(await netSales(page), formatMoney(current));
        assertEquals(
          await text(
            page,
            '[data-figure="totalSales"] .change[data-basis="previous"]',
          ),
          `${current > previous ? "▲" : "▼"} ${
            FORMAT.moneyChange(current - previous)
          } (${
            formatValue(current / previous - 1, "change", FORMAT)
          }) vs previous period`,
        );
        assertStringIncludes(
          await text(page, "#headline .note"),
          "Compared with the previous period of equal length (2025-03-05 to 2025-03-31)",
        );
        assertEquals(
          await page.evaluate(() => location.hash),
          "#from=2025-04-01&to=2025-04-27",
        );
        await page.click("#reset-filters");
        await page.waitForFunction(() =>
          document.getElementById("filter-status")?.textContent ===
            "Showing all sales"
        );
        assertEquals(errors, []);
      },
    );

    await t.step(
      "the page is printable: filters hidden, folded tables shown",
      async () => {
        await page.emulateMediaType("print");
        const shown = await page.evaluate(() => ({
          filters: getComputedStyle(document.getElementById("filters")!)
            .display,
          folded: getComputedStyle(
            document.querySelector("details.table:not([open]) .table-wrap")!,
          ).display,
        }));
        assertEquals(shown, { filters: "none", folded: "block" });
        await page.emulateMediaType("screen");
      },
    );

    await t.step(
      "headings do not skip a level, every table has a caption and column headers, every chart a label and description",
      async () => {
        const report = await page.evaluate(() => ({
          chartTitles: [...document.querySelectorAll("figure.chart")].map((f) =>
            Number(f.querySelector("h2, h3, h4, h5, h6")?.tagName[1] ?? 0)
          ),
          levels: [...document.querySelectorAll("h1, h2, h3, h4, h5, h6")].map(
            (h) => Number(h.tagName[1]),
          ),
          tables: [...document.querySelectorAll("main table")].filter((t) =>
            !t.querySelector("caption") ||
            !t.querySelector('thead th[scope="col"]')
          ).length,
          charts: [...document.querySelectorAll("figure.chart")].filter((f) =>
            !f.querySelector("svg[aria-label]") ||
            !f.querySelector("svg[aria-description]")
          ).map((f) =>
            f.id
          ),
          unlabelled: [...document.querySelectorAll("#filters input")].filter(
            (i) => !(i as HTMLInputElement).labels?.length,
          ).length,
        }));
        assertEquals(report.levels[0], 1);
        report.levels.forEach((level, i) =>
          assertOk(
            i === 0 || level <= report.levels[i - 1] + 1,
            `h${report.levels[i - 1]} then h${level}`,
          )
        );
        assertOk(
          report.chartTitles.every((level) => level >= 3),
          "a chart's title is below its section's heading",
        );
        assertEquals(report.tables, 0);
        assertEquals(report.charts, []);
        assertEquals(report.unlabelled, 0);
      },
    );

    await t.step(
      "nothing overflows the page at 375 and 1440 px, on the fixture and on the built-in data",
      async () => {
        await Deno.mkdir(SCREENSHOTS, { recursive: true });
        const tab = await openTab(browser!);
        for (
          const [name, built] of [["fixture", all], [
            "default",
            builtIn,
          ]] as const
        ) {
          for (const width of [375, 1440]) {
            await tab.page.setViewport({ width, height: 900 });
            await load(tab.page, built.url);
            const layout = await overflow(tab.page);
            assertOk(
              layout.scrollWidth <= layout.innerWidth,
              `${name} at ${width} px: ${JSON.stringify(layout)}`,
            );
            if (name === "default") {
              await tab.page.screenshot({
                path: new URL(`report-${width}.png`, SCREENSHOTS).pathname,
                fullPage: true,
              });
            }
          }
        }
        assertEquals(tab.errors, []);
        assertEquals(
          tab.requests.filter((url) => !/^(file|data|blob):/.test(url)),
          [],
        );
        await tab.page.close();
      },
    );

    assertEquals(dialogs, []);
    assertEquals(errors, []);
  } finally {
    await browser?.close();
    await Deno.remove(profile, { recursive: true });
    await Deno.remove(tmp, { recursive: true });
  }
});
