/**
 * The monthly chart's partial months (a first month of 7 days, a last of 9)
 * at 390, 640 and 1200 px: golden SVGs, and in Chromium their "7 d" and
 * "9 d" labels stay inside the plot, clear of the y-axis tick labels and
 * ticks (centred on a narrow first column, the label reached over them).
 */
import type { Browser } from "puppeteer-core";
import { monthlySalesChart } from "../../../src/charts/mod.ts";
import type { MonthlySalesRow } from "../../../src/figures/sales/series_from_days.ts";
import { assertEquals, assertOk } from "../../assert.ts";
import { launchChromium } from "../../report/chromium_page.ts";
import { assertGoldenSvg, headlessDocument } from "../golden.ts";

/** 2011-01 (its last 7 days) to 2014-03 (its first 9 days): 39 months. */
function months(): MonthlySalesRow[] {
  const rows: MonthlySalesRow[] = [];
  for (let i = 0; i < 39; i++) {
    const year = 2011 + Math.floor(i / 12);
    const month = `${year}-${String(i % 12 + 1).padStart(2, "0")}`;
    const days = i === 0 ? 7 : i === 38 ? 9 : new Date(
      Date.UTC(year, i % 12 + 1, 0),
    ).getUTCDate();
    // Whole months between 1.1 M and 1.5 M; the partial ones near a tick.
    const totalSales = i === 0
      ? 337_307.88
      : i === 38
      ? 402_118.5
      : 1_100_000 + ((i * 7_919) % 13) * 31_000;
    rows.push({ month, days, totalSales, saleLines: 100, change: null });
  }
  return rows;
}

const WIDTHS = [390, 640, 1200];

Deno.test("the monthly chart's partial-month labels stay clear of the y-axis at 390, 640 and 1200 px", async (t) => {
  const charts = WIDTHS.map((width) => ({
    width,
    chart: monthlySalesChart(months(), {
      document: headlessDocument(),
      width,
    }),
  }));

  await t.step("the charts match their golden SVGs", async () => {
    for (const { width, chart } of charts) {
      await assertGoldenSvg(`monthly_sales_partial-${width}`, chart);
    }
  });

  const profile = await Deno.makeTempDir({ prefix: "basket-chromium-" });
  let browser: Browser | undefined;
  try {
    browser = await launchChromium(profile);
    const page = await browser.newPage();
    for (const { width, chart } of charts) {
      await t.step(
        `at ${width} px no label touches a y-axis tick label or tick`,
        async () => {
          await page.setViewport({ width: width + 40, height: 600 });
          await page.setContent(
            `<!DOCTYPE html><html><body style="margin:20px">${chart.outerHTML}</body></html>`,
          );
          const found = await page.evaluate(() => {
            const svg = document.querySelector("svg")!;
            const box = (e: Element) => {
              const r = e.getBoundingClientRect();
              return {
                left: r.left,
                right: r.right,
                top: r.top,
                bottom: r.bottom,
              };
            };
            const labels = [
              ...svg.querySelectorAll('g[aria-label="text"] text'),
            ]
              .filter((e) => / d$/.test(e.textContent ?? ""))
              .map((e) => ({ text: e.textContent!, ...box(e) }));
            const axis = [
              ...svg.querySelectorAll(
                'g[aria-label="y-axis tick label"] text, g[aria-label="y-axis tick"] path',
              ),
            ].map((e) => ({ text: e.textContent ?? "(tick)", ...box(e) }));
            return { labels, axis, svg: box(svg) };
          });
          assertEquals(found.labels.map((l) => l.text), ["7 d", "9 d"]);
          const axisRight = Math.max(...found.axis.map((a) => a.right));
          for (const label of found.labels) {
            // Left of the plot are only the axis's labels and ticks.
            assertOk(
              label.left >= axisRight + 1,
              `"${label.text}" starts at ${label.left}, the y-axis ends at ${axisRight}`,
            );
            assertOk(label.right <= found.svg.right, JSON.stringify(label));
            for (const a of found.axis) {
              const apart = label.right < a.left || a.right < label.left ||
                label.bottom < a.top || a.bottom < label.top;
              assertOk(apart, `"${label.text}" overlaps "${a.text}"`);
            }
          }
        },
      );
    }
  } finally {
    await browser?.close();
    await Deno.remove(profile, { recursive: true });
  }
});
