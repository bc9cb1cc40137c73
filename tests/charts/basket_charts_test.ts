import { assertEquals, assertOk } from "../assert.ts";
import { numberFormats } from "../../src/figures/format/number_formats.ts";
import { basketAnalysis } from "../../src/analysis/baskets/basket_analysis.ts";
import { productAnalysis } from "../../src/analysis/products/product_analysis.ts";
import { basketPairsChart } from "../../src/charts/baskets/basket_pairs_chart.ts";
import { productParetoChart } from "../../src/charts/baskets/product_pareto_chart.ts";
import { closeDataset } from "../../src/source/dataset.ts";
import { loadSource } from "../../src/source/load_source.ts";
import { assertGoldenSvg, headlessDocument } from "./golden.ts";

const FIXTURE = new URL("../fixtures/invoices.csv", import.meta.url).pathname;
const { dataset } = await loadSource({ path: FIXTURE });
const BASKETS = await basketAnalysis(dataset, { minCount: 3 });
const PRODUCTS = (await productAnalysis(dataset))!;
closeDataset(dataset);
const PAIRS = BASKETS.levels[0].scopes[0].pairs;

function charts(width: number, locale?: { currency: string; locale: string }) {
  const options = {
    document: headlessDocument(),
    width,
    format: numberFormats(locale),
  };
  return {
    basket_pairs: basketPairsChart(PAIRS, { ...options, level: "product" }),
    product_pareto: productParetoChart(PRODUCTS.curve, {
      ...options,
      top20: {
        productShare: PRODUCTS.abc.top20Count / PRODUCTS.products,
        share: PRODUCTS.abc.top20Share,
      },
    }),
  };
}

for (const [name, chart] of Object.entries(charts(640))) {
  Deno.test(`${name} chart matches its golden SVG at 640 px`, async () => {
    await assertGoldenSvg(name, chart);
  });
}

Deno.test("the basket and product charts match their golden SVGs at 390 and 1200 px", async () => {
  for (const [name, chart] of Object.entries(charts(390))) {
    await assertGoldenSvg(`${name}-390`, chart);
  }
  const wide = charts(1200, { currency: "EUR", locale: "de-DE" });
  for (const [name, chart] of Object.entries(wide)) {
    await assertGoldenSvg(`${name}-1200`, chart);
  }
});

Deno.test("basketPairsChart() draws one bar per pair, strongest first, and describes the leader", () => {
  const chart = charts(640).basket_pairs;
  assertEquals(
    chart.querySelectorAll("g[aria-label='bar'] rect").length,
    PAIRS.length,
  );
  const first = chart.querySelector("g[aria-label='text'] text")?.textContent;
  assertEquals(first, "ALARM CLOCK BAKELIKE RED + ALARM CLOCK BAKELIKE PINK");
  const description =
    chart.querySelector("svg")?.getAttribute("aria-description") ?? "";
  assertOk(
    description.includes(
      "bought together 2.37 times as often as by chance, in 9 baskets",
    ),
    description,
  );
  assertOk(!/NaN|undefined|Infinity/.test(chart.outerHTML));
});

Deno.test("productParetoChart() marks the top 20% of products on the curve", () => {
  const chart = charts(640).product_pareto;
  const label = [...chart.querySelectorAll("text")].map((t) => t.textContent)
    .find((t) => t?.startsWith("top 20%"));
  assertEquals(label, "top 20%: 38.4%");
  assertOk(!/NaN|undefined|Infinity/.test(chart.outerHTML));
});

Deno.test("basketPairsChart() says so when there is no pair", () => {
  const chart = basketPairsChart([], { document: headlessDocument() });
  assertEquals(
    chart.querySelector("svg")?.getAttribute("aria-description"),
    "No pair of categories to show.",
  );
});
