import { parseHTML } from "linkedom";
import { assertEquals, assertOk, assertStringIncludes } from "../../assert.ts";
import {
  NOTHING_TO_SHOW,
  renderChart,
} from "../../../src/report/slots/chart_slots.ts";
import { SALES_CHARTS } from "../../../src/report/sales_charts.ts";
import { numberFormats } from "../../../src/figures/format/number_formats.ts";
import type { SalesFigures } from "../../../src/figures/sales/sales_figures_from_sums.ts";
import type { DailySalesRow } from "../../../src/figures/sales/series_from_days.ts";

const { document } = parseHTML("<!DOCTYPE html><html><body></body></html>");
const context = {
  document: document as unknown as Document,
  width: 360,
  format: numberFormats(),
};
const slot = (id: string) => SALES_CHARTS.find((s) => s.id === id)!;
const day = (date: string, totalSales: number): DailySalesRow => ({
  date,
  weekday: 1,
  totalSales,
  saleLines: 1,
  movingAverage: totalSales,
});
const figures = (parts: Partial<SalesFigures>) =>
  ({
    daily: [],
    weekly: [],
    monthly: [],
    weekday: [],
    weekdayWeekGrid: [],
    ...parts,
  }) as unknown as SalesFigures;

Deno.test("a chart with nothing to show says so in its place, under its title, with no axes", () => {
  const markup = renderChart(slot("daily"), figures({}), context).markup;
  assertStringIncludes(markup, 'class="chart chart-note" id="chart-daily"');
  assertStringIncludes(markup, "<h3>Daily sales</h3>");
  assertStringIncludes(markup, NOTHING_TO_SHOW);
  assertOk(!markup.includes("<svg"), markup);
});

Deno.test("a chart is drawn at the width it is given, and says so in data-width", () => {
  const markup = renderChart(
    slot("daily"),
    figures({ daily: [day("2025-03-03", 10), day("2025-03-04", 12)] }),
    context,
  ).markup;
  assertStringIncludes(markup, 'data-width="360"');
  assertStringIncludes(markup, 'width="360"');
});

Deno.test("the daily and weekday charts step aside with a note when the page's figures are by month", () => {
  const byMonth = figures({ daily: [day("2025-03-01", 10)] });
  for (const id of ["daily", "weekday", "weekday-week-grid"]) {
    const markup = renderChart(slot(id), byMonth, {
      ...context,
      grain: "month",
    }).markup;
    assertStringIncludes(markup, "chart-note");
    assertStringIncludes(markup, "the page carries sums by month");
    assertOk(!markup.includes("<svg"), id);
  }
  const byWeek = renderChart(slot("weekly"), byMonth, {
    ...context,
    grain: "week",
  }).markup;
  assertOk(!byWeek.includes("sums by"), "weekly figures at a week grain");
});

Deno.test("at a week grain the month charts say that weeks count in the month they start", () => {
  const markup = renderChart(
    slot("monthly"),
    figures({
      monthly: [
        {
          month: "2025-01",
          days: 31,
          totalSales: 5,
          saleLines: 1,
          change: null,
        },
        {
          month: "2025-02",
          days: 28,
          totalSales: 6,
          saleLines: 1,
          change: null,
        },
      ],
    }),
    { ...context, grain: "week" },
  ).markup;
  assertStringIncludes(
    markup,
    "Monthly sales (weeks counted in the month they start)",
  );
});

Deno.test("the month charts step aside when the period lies within one month", () => {
  const oneMonth = figures({
    monthly: [
      { month: "2025-03", days: 12, totalSales: 5, saleLines: 1, change: null },
    ],
  });
  for (const id of ["monthly", "month-of-year", "month-category-grid"]) {
    const markup = renderChart(slot(id), oneMonth, context).markup;
    assertStringIncludes(
      markup,
      "The period lies within one month (2025-03, 12 days)",
    );
  }
  assertEquals(
    renderChart(slot("monthly"), oneMonth, context).markup.includes("<svg"),
    false,
  );
});
