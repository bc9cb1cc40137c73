import { assertEquals, assertOk, assertStringIncludes } from "../../assert.ts";
import { partialLinks } from "../../../src/charts/sales/partial_links.ts";
import {
  monthlySalesChart,
  weeklySalesChart,
} from "../../../src/charts/mod.ts";
import type {
  MonthlySalesRow,
  WeeklySalesRow,
} from "../../../src/figures/sales/series_from_days.ts";
import { headlessDocument } from "../golden.ts";

Deno.test("partialLinks() keeps whole periods on the solid line and links each partial edge to its neighbour", () => {
  const { solid, links } = partialLinks([true, false, false, false, true]);
  assertEquals(solid, [false, true, true, true, false]);
  assertEquals(links, [[0, 1], [3, 4]]);
});

Deno.test("partialLinks() does not link across a gap left out", () => {
  const { links } = partialLinks([false, false, true], [false, false, true]);
  assertEquals(links, []);
});

Deno.test("partialLinks() leaves a series of whole periods as one solid line", () => {
  assertEquals(partialLinks([false, false]), {
    solid: [true, true],
    links: [],
  });
});

const week = (weekStart: string, days: number, totalSales: number) =>
  ({
    week: `W-${weekStart}`,
    weekStart,
    days,
    totalSales,
    saleLines: 1,
    change: null,
  }) satisfies WeeklySalesRow;

Deno.test("weeklySalesChart() draws the last partial week dashed and says how partial it is, not as a cliff of the line", () => {
  const chart = weeklySalesChart([
    week("2025-03-03", 7, 700),
    week("2025-03-10", 7, 720),
    week("2025-03-17", 2, 150),
  ], { document: headlessDocument() });
  const dashed = [...chart.querySelectorAll("[stroke-dasharray]")];
  assertEquals(dashed.length, 1);
  // The solid line stops at the last whole week: its path has two points.
  const solid = chart.querySelector('g[aria-label="line"] path')!;
  assertEquals(solid.getAttribute("d")!.split("L").length, 2);
  assertStringIncludes(chart.textContent ?? "", "partial: 2 of 7 days");
});

const month = (m: string, days: number, totalSales: number) =>
  ({
    month: m,
    days,
    totalSales,
    saleLines: 1,
    change: null,
  }) satisfies MonthlySalesRow;

Deno.test("monthlySalesChart() draws months partly in the period lighter, labelled with their days", () => {
  const chart = monthlySalesChart([
    month("2025-01", 31, 3100),
    month("2025-02", 28, 2800),
    month("2025-03", 9, 900),
  ], { document: headlessDocument() });
  const fills = [...chart.querySelectorAll('g[aria-label="rect"] rect')].map(
    (r) => r.getAttribute("fill"),
  );
  assertEquals(fills, ["steelblue", "steelblue", "#a9c4de"]);
  assertStringIncludes(chart.textContent ?? "", "9 d");
  assertOk(chart.querySelector("figcaption")?.textContent?.includes("Lighter"));
});
