import { assertEquals, assertOk } from "../assert.ts";
import { numberFormats } from "../../src/figures/format/number_formats.ts";
import { createDataset } from "../../src/source/dataset.ts";
import { assertGoldenSvg, headlessDocument } from "./golden.ts";
import { renderSalesCharts } from "./sales_charts.ts";
import { syntheticSales } from "../analysis/fixtures.ts";

const SMALL = await createDataset({ sales: syntheticSales(1000) });
const CHARTS = await renderSalesCharts(SMALL, {
  document: headlessDocument(),
  width: 640,
  format: numberFormats(),
});

for (const [name, chart] of Object.entries(CHARTS)) {
  Deno.test(`${name} chart matches its golden SVG at 640 px`, async () => {
    await assertGoldenSvg(name, chart);
  });
}

Deno.test("the sales charts match their golden SVGs at 1200 px with another currency", async () => {
  const wide = await renderSalesCharts(SMALL, {
    document: headlessDocument(),
    width: 1200,
    format: numberFormats({ currency: "EUR", locale: "de-DE" }),
  });
  await assertGoldenSvg("store_sales-1200", wide.store_sales);
  await assertGoldenSvg("weekly_sales-1200", wide.weekly_sales);
  await assertGoldenSvg("top_categories-1200", wide.top_categories);
  await assertGoldenSvg("weekday_week_grid-1200", wide.weekday_week_grid);
});

Deno.test("every sales chart has a title, an accessible label and a description", () => {
  for (const [name, chart] of Object.entries(CHARTS)) {
    const title = chart.querySelector("h2")?.textContent ?? "";
    const svg = chart.querySelector("svg[aria-label]");
    assertOk(title.length > 0, `${name}: title`);
    assertEquals(svg?.getAttribute("aria-label"), title, `${name}: label`);
    const description = svg?.getAttribute("aria-description") ?? "";
    assertOk(description.length > 40, `${name}: description "${description}"`);
    assertOk(!/NaN|undefined|Infinity/.test(chart.outerHTML), `${name}: NaN`);
  }
});

Deno.test("every sales chart takes its title from the options", async () => {
  const charts = await renderSalesCharts(SMALL, {
    document: headlessDocument(),
    title: "Custom",
  });
  for (const [name, chart] of Object.entries(charts)) {
    assertEquals(chart.querySelector("h2")?.textContent, "Custom", name);
  }
});

Deno.test("every sales chart renders empty results without NaN", async () => {
  const empty = await createDataset({ sales: [] });
  const charts = await renderSalesCharts(empty, {
    document: headlessDocument(),
  });
  for (const [name, chart] of Object.entries(charts)) {
    const markup = chart.outerHTML;
    assertOk(!/NaN|undefined|Infinity/.test(markup), `${name}: ${markup}`);
    assertOk(
      /^No .* to show\.$/.test(
        chart.querySelector("svg[aria-label]")?.getAttribute(
          "aria-description",
        ) ?? "",
      ),
      `${name}: empty description`,
    );
  }
});

// Tick counts and label lengths follow the values (20 times larger with 20
// times the lines), so sizes differ a little; a chart drawing sale lines
// would be about 20 times larger.
Deno.test("a sales chart's size does not grow with the number of sale lines", async () => {
  const large = await createDataset({ sales: syntheticSales(20_000, 7) });
  const charts = await renderSalesCharts(large, {
    document: headlessDocument(),
    width: 640,
    format: numberFormats(),
  });
  for (const [name, chart] of Object.entries(charts)) {
    const small = CHARTS[name].outerHTML.length;
    const big = chart.outerHTML.length;
    assertOk(
      Math.abs(big - small) / small < 0.25,
      `${name}: ${small} characters from 1,000 lines, ${big} from 20,000`,
    );
  }
});
