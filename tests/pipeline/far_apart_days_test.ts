/**
 * A file whose two lines are 200 years apart (issue 13): the work and the
 * page follow the days with sales, not the calendar span between them.
 * Sizes and row counts only; never time.
 */
import { buildReport } from "../../src/pipeline/build_report.ts";
import { openSource } from "../../src/source/open_source.ts";
import { assertEquals, assertOk, assertStringIncludes } from "../assert.ts";
import { pageDataOf } from "../report/golden_page.ts";

Deno.test("buildReport() of two lines in 1900 and 2099 gives a small page with the right figures", async () => {
  const dir = await Deno.makeTempDir();
  try {
    const data = `${dir}/far.csv`;
    await Deno.writeTextFile(
      data,
      "date,category,amount\n1900-01-01,A,1\n2099-12-31,B,2\n",
    );
    const built = await buildReport({ source: { data }, seed: 1 }, {
      openSource,
      now: () => new Date("2025-05-01T12:00:00.000Z"),
      log: () => {},
      bundleClient: () => Promise.resolve("/* page script */\n"),
    });
    const page = built.files.get("index.html")!;
    // Was 25 MB: 73,049 days in the tables, charts and page data.
    assertOk(page.length < 400_000, `the page has ${page.length} bytes`);
    const sales = JSON.parse(built.files.get("report.json")!).sales;
    assertEquals(sales.headline.totalSales, 3);
    assertEquals(sales.headline.period, {
      from: "1900-01-01",
      to: "2099-12-31",
      days: 73_049,
    });
    assertEquals(
      sales.daily.map((r: Record<string, unknown>) => [
        r.date,
        r.totalSales,
        r.movingAverage,
        r.gapBefore,
      ]),
      [
        ["1900-01-01", 1, 1, undefined],
        // The 7 calendar days ending on it: 6 days of the gap, without sales.
        ["2099-12-31", 2, 0.285714285714286, 73_047],
      ],
    );
    assertEquals(sales.weekly.length, 2);
    assertEquals(sales.weekly[1].change, null);
    assertEquals(sales.monthly.length, 2);
    assertEquals(sales.weekdayWeekGrid.length, 2);
    assertEquals(sales.monthCategoryGrid.length, 4);
    // Averages per calendar day still count the days of the gap.
    assertEquals(sales.monthOfYear[0].days, 200 * 31);
    assertEquals(
      sales.weekday.reduce((n: number, r: { days: number }) => n + r.days, 0),
      73_049,
    );
    assertEquals(built.files.get("daily.csv")!.trim().split("\r\n").length, 3);
    assertStringIncludes(page, "73,047 days without sales left out");
    const cube = pageDataOf(page);
    assertOk(JSON.stringify(cube).length < 50_000);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
