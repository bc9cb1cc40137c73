import { assertEquals, assertOk } from "../assert.ts";
import {
  labelWidth,
  nameAxis,
  shadedScale,
} from "../../src/charts/chart_parts.ts";
import { FONT_SIZE, plotChart } from "../../src/charts/plot_chart.ts";
import { monthCategoryGridChart } from "../../src/charts/mod.ts";
import { numberFormats } from "../../src/figures/format/number_formats.ts";
import { headlessDocument } from "./golden.ts";
import * as Plot from "@observablehq/plot";

const FORMAT = numberFormats();

Deno.test("shadedScale() starts a heat map's colours at zero, not at its smallest cell", () => {
  assertEquals(shadedScale(FORMAT, "x", [800, 950, 1200]).domain, [0, 1200]);
});

Deno.test("shadedScale() reaches below zero when a cell is below zero", () => {
  assertEquals(shadedScale(FORMAT, "x", [-50, 300]).domain, [-50, 300]);
});

Deno.test("a heat map's legend begins at zero", () => {
  const chart = monthCategoryGridChart([
    { month: "2025-01", category: "Books", totalSales: 800 },
    { month: "2025-02", category: "Books", totalSales: 1000 },
  ], { document: headlessDocument() });
  // The first threshold of the legend is the first step above zero.
  const first = chart.querySelector('[class$="-ramp"] text')?.textContent;
  assertEquals(first, "$200");
});

Deno.test("plotChart() writes every chart's text at the report's type size, legends too", () => {
  const chart = plotChart({
    document: headlessDocument(),
    color: { legend: true },
    marks: [Plot.barX([{ x: 1, c: "a" }, { x: 2, c: "b" }], {
      x: "x",
      fill: "c",
    })],
  });
  assertEquals(FONT_SIZE, 12);
  assertEquals(
    chart.querySelector(":scope > svg")?.getAttribute("style"),
    "font-size:12px",
  );
  assertEquals(
    chart.querySelector('[class*="-swatches"]')?.getAttribute("style"),
    "font-size:12px",
  );
});

Deno.test("nameAxis() drops the axis label and cuts long names on a narrow chart", () => {
  const names = ["Home and kitchen appliances", "Books"];
  const narrow = nameAxis("Category", names, 358);
  assertEquals(narrow.axis.label, null);
  assertOk(narrow.marginLeft <= 358 * 0.4, String(narrow.marginLeft));
  const cut = narrow.axis.tickFormat!("Home and kitchen appliances");
  assertOk(cut.endsWith("…") && labelWidth([cut]) <= narrow.marginLeft, cut);
  const wide = nameAxis("Category", names, 1200);
  assertEquals(wide.axis.label, "Category");
  assertEquals(wide.axis.tickFormat, undefined);
});
