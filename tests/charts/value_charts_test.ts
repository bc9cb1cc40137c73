import { assertEquals, assertOk } from "../assert.ts";
import { numberFormats } from "../../src/figures/format/number_formats.ts";
import { aliveHeatmapChart } from "../../src/charts/value/alive_heatmap_chart.ts";
import { holdoutChart } from "../../src/charts/value/holdout_chart.ts";
import { valueDistributionChart } from "../../src/charts/value/value_distribution_chart.ts";
import { assertGoldenSvg, headlessDocument } from "./golden.ts";
import { renderValueCharts } from "./value_charts.ts";

const CHARTS = renderValueCharts({
  document: headlessDocument(),
  width: 640,
  format: numberFormats(),
});

for (const [name, chart] of Object.entries(CHARTS)) {
  Deno.test(`${name} chart matches its golden SVG at 640 px`, async () => {
    await assertGoldenSvg(name, chart);
  });
}

Deno.test("the customer-value charts match their golden SVGs at 390 and 1200 px", async () => {
  for (const width of [390, 1200]) {
    const charts = renderValueCharts({
      document: headlessDocument(),
      width,
      format: numberFormats({ currency: "EUR", locale: "de-DE" }),
    });
    for (const [name, chart] of Object.entries(charts)) {
      await assertGoldenSvg(`${name}-${width}`, chart);
    }
  }
});

Deno.test("every customer-value chart has a title, an accessible label, a description and labelled axes", () => {
  for (const [name, chart] of Object.entries(CHARTS)) {
    const title = chart.querySelector("h2")?.textContent ?? "";
    const svg = chart.querySelector("svg[aria-label]");
    assertOk(title.length > 0, `${name}: title`);
    assertEquals(svg?.getAttribute("aria-label"), title, `${name}: label`);
    const description = svg?.getAttribute("aria-description") ?? "";
    assertOk(description.length > 40, `${name}: description "${description}"`);
    assertOk(!/NaN|undefined|Infinity/.test(chart.outerHTML), `${name}: NaN`);
    const labels = [
      ...chart.querySelectorAll("g[aria-label$='axis label'] text"),
    ].map((t) => t.textContent ?? "");
    assertEquals(labels.length, 2, `${name}: ${JSON.stringify(labels)}`);
  }
});

Deno.test("the customer-value charts draw nothing to show without NaN", () => {
  const document = headlessDocument();
  const charts = [
    valueDistributionChart([], { document }),
    aliveHeatmapChart({ T: 0, cells: [] }, { document }),
    holdoutChart([], { document }),
  ];
  for (const chart of charts) {
    assertOk(!/NaN|undefined|Infinity/.test(chart.outerHTML), chart.outerHTML);
    assertOk(
      /^No .* to (show|compare)\.$/.test(
        chart.querySelector("svg[aria-label]")?.getAttribute(
          "aria-description",
        ) ?? "",
      ),
    );
  }
});
