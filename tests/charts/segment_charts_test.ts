import { assertEquals, assertOk } from "../assert.ts";
import { numberFormats } from "../../src/figures/format/number_formats.ts";
import { createDataset } from "../../src/source/dataset.ts";
import { pcaScatterChart } from "../../src/charts/segments/pca_scatter_chart.ts";
import { clusterFixture } from "../analysis/segments/cluster_fixture.ts";
import { assertGoldenSvg, headlessDocument } from "./golden.ts";
import { renderSegmentCharts } from "./segment_charts.ts";

const DATA = await createDataset(clusterFixture());
const CHARTS = await renderSegmentCharts(DATA, {
  document: headlessDocument(),
  width: 640,
  format: numberFormats(),
});

for (const [name, chart] of Object.entries(CHARTS)) {
  Deno.test(`${name} chart matches its golden SVG at 640 px`, async () => {
    await assertGoldenSvg(name, chart);
  });
}

Deno.test("the segment charts match their golden SVGs at 1200 px", async () => {
  const wide = await renderSegmentCharts(DATA, {
    document: headlessDocument(),
    width: 1200,
    format: numberFormats({ currency: "EUR", locale: "de-DE" }),
  });
  for (const [name, chart] of Object.entries(wide)) {
    await assertGoldenSvg(`${name}-1200`, chart);
  }
});

Deno.test("every segment chart has a title, an accessible label and a description", () => {
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

Deno.test("every segment chart labels its axes", () => {
  for (const [name, chart] of Object.entries(CHARTS)) {
    const labels = [
      ...chart.querySelectorAll("g[aria-label$='axis label'] text"),
    ]
      .map((t) => t.textContent ?? "");
    assertOk(
      labels.length >= 1,
      `${name}: axis labels ${JSON.stringify(labels)}`,
    );
  }
});

Deno.test("every segment chart takes its title from the options", async () => {
  const charts = await renderSegmentCharts(DATA, {
    document: headlessDocument(),
    title: "Custom",
  });
  for (const [name, chart] of Object.entries(charts)) {
    assertEquals(chart.querySelector("h2")?.textContent, "Custom", name);
  }
});

Deno.test("every segment chart renders data without customers without NaN", async () => {
  const empty = await createDataset({ sales: [] });
  const charts = await renderSegmentCharts(empty, {
    document: headlessDocument(),
  });
  for (const [name, chart] of Object.entries(charts)) {
    const markup = chart.outerHTML;
    assertOk(!/NaN|undefined|Infinity/.test(markup), `${name}: ${markup}`);
    assertOk(
      /^No .* to (show|cross-tabulate)\.$/.test(
        chart.querySelector("svg[aria-label]")?.getAttribute(
          "aria-description",
        ) ?? "",
      ),
      `${name}: empty description`,
    );
  }
});

Deno.test("pcaScatterChart() draws a seeded sample above its limit and says so", () => {
  const points = Array.from({ length: 5_000 }, (_, i) => ({
    customerId: `c${i}`,
    pc1: Math.sin(i),
    pc2: Math.cos(i * 1.3),
    cluster: 1 + (i % 3),
  }));
  const chart = pcaScatterChart(points, {
    document: headlessDocument(),
    maxPoints: 500,
  });
  assertEquals(chart.querySelectorAll("circle").length, 500);
  assertOk(
    chart.querySelector("svg[aria-label]")!.getAttribute("aria-description")!
      .includes("a seeded sample of 500 of 5,000 customers"),
  );
  const again = pcaScatterChart(points, {
    document: headlessDocument(),
    maxPoints: 500,
  });
  assertEquals(again.outerHTML, chart.outerHTML);
});

// The charts draw aggregates (segments, the 25 grid cells, components, k,
// clusters × sub-categories) and at most 2,000 scatter points, so four
// times the sale lines give charts of the same size, give or take the
// digits of the numbers.
Deno.test("a segment chart's size does not grow with the number of sale lines", async () => {
  const many = await createDataset({
    sales: [1, 2, 3, 4].flatMap((seed) =>
      clusterFixture(seed).sales.map((line) => ({
        ...line,
        customer_id: `${line.customer_id}-${seed}`,
        transaction_id: `${line.transaction_id}-${seed}`,
      }))
    ),
  });
  const large = await renderSegmentCharts(many, {
    document: headlessDocument(),
    width: 640,
  });
  for (const [name, chart] of Object.entries(CHARTS)) {
    const small = chart.outerHTML.length;
    const big = large[name].outerHTML.length;
    const limit = name === "pca_scatter" ? 4.5 : 1.3;
    assertOk(big < small * limit, `${name}: ${small} → ${big}`);
  }
});
