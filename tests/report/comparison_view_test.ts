/**
 * The comparisons and "What changed" as the page renders them after a date
 * filter, in German euros, against values the SQL analyses compute on the
 * sale lines of each period on their own: the cards' changes, the table
 * columns and the largest mover. Every sentence links to a chart or table
 * of the view.
 */
import { parseHTML } from "linkedom";
import { assertEquals, assertOk } from "../assert.ts";
import { closeDataset } from "../../src/source/dataset.ts";
import { salesCube } from "../../src/analysis/sales/sales_cube.ts";
import { salesHeadline } from "../../src/analysis/sales/sales_headline.ts";
import { salesByCategory } from "../../src/analysis/sales/sales_by_category.ts";
import { cubeFigures } from "../../src/figures/sales/cube_figures.ts";
import { cubeComparison } from "../../src/figures/sales/cube_comparison.ts";
import { numberFormats } from "../../src/figures/format/number_formats.ts";
import { renderSalesView } from "../../src/report/render_sales_view.ts";
import { SALES_CHARTS } from "../../src/report/sales_charts.ts";
import { fixtureDataset } from "./fixtures/report_fixture.ts";

const FILTER = { from: "2025-04-01" };
const PREVIOUS = { from: "2025-03-05", to: "2025-03-31" };

Deno.test("the page's comparisons after a date filter equal the SQL figures of each period, the German way", async () => {
  const data = await fixtureDataset();
  try {
    const format = numberFormats({ currency: "EUR", locale: "de-DE" });
    const cube = await salesCube(data);
    const current = cubeFigures(cube, FILTER);
    const comparison = cubeComparison(cube, FILTER, current);
    const { document } = parseHTML(
      `<!DOCTYPE html><html><body>${
        renderSalesView(
          { ...current, comparison },
          SALES_CHARTS,
          {
            document: parseHTML("<html><body></body></html>")
              .document as unknown as Document,
            width: 640,
            format,
          },
        ).markup
      }</body></html>`,
    );
    const now = await salesHeadline(data, FILTER);
    const before = await salesHeadline(data, PREVIOUS);
    assertEquals(comparison.previousPeriod, { ...PREVIOUS, days: 27 });
    assertEquals(comparison.yearAgoPeriod, null);

    // The cards: arrow, signed compact difference, relative change.
    for (
      const figure of ["totalSales", "grossSales", "averageBasket"] as const
    ) {
      const difference = now[figure]! - before[figure]!;
      const expected = `${difference > 0 ? "▲" : "▼"} ${
        format.moneyChange(difference)
      } (${format.change(difference / before[figure]!)}) vs previous period`;
      const card = document.querySelector(`[data-figure="${figure}"]`)!;
      assertEquals(
        card.querySelector('[data-basis="previous"]')?.textContent,
        expected,
        figure,
      );
      assertEquals(
        card.querySelector('[data-basis="yearAgo"]')?.textContent,
        "vs last year: no earlier data",
      );
    }
    const lines = now.saleLines - before.saleLines;
    assertEquals(
      document.querySelector(
        '[data-figure="saleLines"] [data-basis="previous"]',
      )
        ?.textContent,
      `${lines > 0 ? "▲" : "▼"} ${format.integerChange(lines)} (${
        format.change(lines / before.saleLines)
      }) vs previous period`,
    );

    // The category table's column, and the largest mover.
    const categoriesNow = await salesByCategory(data, FILTER);
    const categoriesBefore = new Map(
      (await salesByCategory(data, PREVIOUS)).map((r) => [r.category, r]),
    );
    const header = [
      ...document.querySelectorAll("#table-categories thead th"),
    ].map((th) => th.textContent);
    const column = header.indexOf("vs previous period");
    assertOk(column > 0, header.join(" | "));
    let mover = { key: "", difference: 0 };
    for (const row of categoriesNow) {
      const earlier = categoriesBefore.get(row.category)?.totalSales ?? 0;
      const cell = [...document.querySelectorAll("#table-categories tbody tr")]
        .find((tr) => tr.firstElementChild?.textContent === row.category)!
        .children[column].textContent;
      assertEquals(
        cell,
        earlier ? format.change((row.totalSales - earlier) / earlier) : "—",
        row.category,
      );
      const difference = row.totalSales - earlier;
      if (Math.abs(difference) > Math.abs(mover.difference)) {
        mover = { key: row.category, difference };
      }
    }
    const sentence = document.querySelector(
      '#what-changed [data-takeaway="mover"] a[href="#chart-categories"]',
    );
    assertEquals(sentence?.textContent, mover.key);
    assertOk(
      sentence!.parentElement!.textContent!.includes(
        format.compactMoney(Math.abs(mover.difference)),
      ),
      sentence!.parentElement!.textContent!,
    );

    // Three to five sentences, each linking to a chart or table shown.
    const items = [...document.querySelectorAll("#what-changed li")];
    assertOk(items.length >= 3 && items.length <= 5, `${items.length}`);
    for (const item of items) {
      const href = item.querySelector("a")?.getAttribute("href") ?? "";
      assertOk(
        href.startsWith("#") && document.getElementById(href.slice(1)),
        `${item.textContent}: ${href}`,
      );
    }
  } finally {
    closeDataset(data);
  }
});
