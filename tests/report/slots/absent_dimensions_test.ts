import { parseHTML } from "linkedom";
import { assertEquals, assertOk, assertStringIncludes } from "../../assert.ts";
import {
  absentDimensions,
  absentNotes,
  presentTables,
} from "../../../src/report/slots/absent_dimensions.ts";
import { renderChart } from "../../../src/report/slots/chart_slots.ts";
import { SALES_CHARTS } from "../../../src/report/sales_charts.ts";
import { salesTables } from "../../../src/report/sales_tables.ts";
import { storeSalesChart } from "../../../src/charts/mod.ts";
import { numberFormats } from "../../../src/figures/format/number_formats.ts";
import type { SalesFigures } from "../../../src/figures/sales/sales_figures_from_sums.ts";
import type { StoreSalesRow } from "../../../src/figures/sales/grouped_totals.ts";

const { document } = parseHTML("<!DOCTYPE html><html><body></body></html>");
const doc = document as unknown as Document;

const store = (name: string, city: string): StoreSalesRow => ({
  store: name,
  city,
  totalSales: 100,
  tradingDays: 10,
  averageDailySales: 10,
});

/** Figures as the three-file data set gives them: stores without cities, no departments. */
const threeFile = {
  byStore: [store("e-Shop", "(none)"), store("MBR", "(none)")],
  byDepartment: [{ department: "(none)" }],
  byChannel: [{ channel: "e-Shop" }, { channel: "MBR" }],
  byCategory: [{ category: "Books" }],
  categorySharesByRegion: [{ group: "City 1" }, { group: "(none)" }],
} as unknown as SalesFigures;

Deno.test("absentDimensions() finds the cities and departments the three-file data set does not have", () => {
  assertEquals([...absentDimensions(threeFile)], ["city", "department"]);
});

Deno.test('absentDimensions() keeps a dimension that has a value besides "(none)"', () => {
  const some = {
    ...threeFile,
    byStore: [store("S1", "Leeds"), store("S2", "(none)")],
    byDepartment: [{ department: "Food" }, { department: "(none)" }],
  } as unknown as SalesFigures;
  assertEquals([...absentDimensions(some)], []);
});

Deno.test("presentTables() leaves out the departments table and the stores' city column", () => {
  const tables = presentTables(
    salesTables({
      ...threeFile,
      bySubCategory: [],
      categorySharesByChannel: [],
      topCategoriesByRegion: [],
      weekly: [],
      monthly: [],
      daily: [],
      monthOfYear: [],
      weekday: [],
    } as unknown as SalesFigures),
    absentDimensions(threeFile),
  );
  const ids = tables.map((t) => t.id);
  assertOk(!ids.includes("departments"), ids.join());
  assertOk(ids.includes("stores") && ids.includes("channels"), ids.join());
  const stores = tables.find((t) => t.id === "stores")!;
  assertEquals(stores.columns.map((c) => c.key).includes("city"), false);
});

Deno.test('the store chart draws no legend of one "(none)" city when no store has a city', () => {
  const chart = storeSalesChart(threeFile.byStore, { document: doc });
  assertEquals(chart.querySelector('[class$="-swatches"]'), null);
  assertOk(!(chart.textContent ?? "").includes("(none)"));
  const withCities = storeSalesChart(
    [store("S1", "Leeds"), store("S2", "York")],
    { document: doc },
  );
  assertOk(withCities.querySelector('[class*="-swatches"]'));
});

Deno.test("a chart slot of a dimension the data does not have is left out, not drawn", () => {
  const slot = SALES_CHARTS.find((s) => s.id === "stores")!;
  const context = { document: doc, width: 640, format: numberFormats() };
  assertEquals(
    renderChart(slot, threeFile, {
      ...context,
      absent: new Set(["store"] as const),
    }).markup,
    "",
  );
  assertStringIncludes(
    renderChart(slot, threeFile, context).markup,
    'id="chart-stores"',
  );
});

Deno.test("absentNotes() says in the methods which dimensions the data does not have", () => {
  const [note] = absentNotes(new Set(["city", "department"] as const));
  assertStringIncludes(
    note.markup,
    "The data has no store cities and no departments",
  );
  assertEquals(absentNotes(new Set()), []);
});
