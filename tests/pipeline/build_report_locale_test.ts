/**
 * buildReport() with another currency and locale: every figure of the page
 * reads the German way, and the CSVs name the currency but keep plain
 * numbers.
 */
import { parseHTML } from "linkedom";
import { buildReport } from "../../src/pipeline/build_report.ts";
import { assertEquals, assertOk } from "../assert.ts";
import { fixtureSource } from "../report/fixtures/report_fixture.ts";

/** German money to the cent: `1.234,50 €`, `-12,00 €`. */
const GERMAN_MONEY = /^-?\d{1,3}(\.\d{3})*,\d\d\u00a0€$/;
/** German compact money, three digits: `48,6 Mio. €`, `14.600 €`, `2000 €` (no separator in four digits). */
const GERMAN_COMPACT =
  /^-?(\d{1,4}|\d{1,3}(\.\d{3})+)(,\d+)?(\u00a0(Mio\.|Mrd\.))?\u00a0€$/;

Deno.test("buildReport() with --currency EUR --locale de-DE formats every figure the German way", async (t) => {
  const built = await buildReport(
    { source: { seed: 1 }, seed: 1, currency: "EUR", locale: "de-DE" },
    {
      openSource: () => fixtureSource(),
      now: () => new Date("2025-05-01T12:00:00.000Z"),
      log: () => {},
      bundleClient: () => Promise.resolve(""),
    },
  );
  const page = built.files.get("index.html")!;
  const { document } = parseHTML(page);
  const json = JSON.parse(built.files.get("report.json")!);

  await t.step(
    "the headline cards show compact euros, the exact amount in the title and for screen readers",
    () => {
      const value = document.querySelector(
        '[data-figure="totalSales"] .value',
      )!;
      const shown = value.querySelector('[aria-hidden="true"]')!.textContent!;
      const exact = value.querySelector(".exact")!.textContent!;
      assertOk(GERMAN_COMPACT.test(shown), shown);
      // Three significant digits at most: compact, not the exact amount.
      assertOk(shown.replace(/\D/g, "").replace(/0+$/, "").length <= 3, shown);
      assertOk(GERMAN_MONEY.test(exact), exact);
      assertEquals(value.getAttribute("title"), exact);
      const cents = Math.round(json.sales.headline.totalSales * 100);
      assertEquals(
        Number(exact.replace(/[.\u00a0€]/g, "").replace(",", "")),
        cents,
      );
      const change = document.querySelector(
        '[data-figure="totalSales"] .change:not(.none)',
      );
      if (change) {
        assertOk(
          /^[▲▼▶] [+-]?[\d.,]+(\u00a0Mio\.)?\u00a0€ \([+-]?\d+,\d\u00a0%\) vs/
            .test(change.textContent!),
          change.textContent!,
        );
      }
      const lines = document.querySelector('[data-figure="saleLines"] .value')!
        .textContent!;
      assertEquals(
        lines,
        json.sales.headline.saleLines.toLocaleString("de-DE"),
      );
    },
  );

  await t.step("a table writes money the German way", () => {
    const cells = [...document.querySelectorAll("#table-stores tbody td.num")]
      .map((td) => td.textContent!);
    const money = cells.filter((c) => c.endsWith("€"));
    assertOk(money.length > 0, cells.join(" | "));
    for (const cell of money) assertOk(GERMAN_MONEY.test(cell), cell);
  });

  await t.step("a chart's money axis reads in compact euros", () => {
    const ticks = [
      ...document.querySelectorAll(
        "#chart-weekly svg g[aria-label='y-axis tick label'] text",
      ),
    ]
      .map((t) => t.textContent!);
    assertOk(ticks.length > 1, "no y-axis tick labels");
    for (const tick of ticks) assertOk(GERMAN_COMPACT.test(tick), tick);
    const label = document.querySelector(
      "#chart-weekly svg g[aria-label='y-axis label'] text",
    )!;
    assertOk(label.textContent!.includes("(EUR)"), label.textContent!);
  });

  await t.step(
    "the CSVs name the currency in their headers and keep plain numbers",
    () => {
      const [header, first] = built.files.get("stores.csv")!.split("\r\n");
      assertEquals(
        header,
        "Store,City,Average daily sales (EUR),Trading days,Net sales (EUR),vs previous period,vs last year",
      );
      assertOk(/,-?\d+\.\d\d,[^,]*,[^,]*$/.test(first), first);
      assertEquals(json.parameters.currency, "EUR");
      assertEquals(json.parameters.locale, "de-DE");
    },
  );
});
