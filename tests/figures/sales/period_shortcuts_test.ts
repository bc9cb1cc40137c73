import { assertEquals, assertStringIncludes } from "../../assert.ts";
import {
  activeShortcut,
  periodShortcuts,
  shortcutDays,
} from "../../../src/figures/sales/period_shortcuts.ts";
import type { SalesCube } from "../../../src/figures/sales/sales_cube.ts";

const dates = (days: { firstDay: string; lastDay: string }) =>
  periodShortcuts(days).map((
    s,
  ) => [s.id, s.from, s.to, s.unavailable === null]);

Deno.test("periodShortcuts() ends with the data's last month when its last day closes it", () => {
  assertEquals(dates({ firstDay: "2011-01-25", lastDay: "2014-02-28" }), [
    ["last-month", "2014-02-01", "2014-02-28", true],
    ["last-3-months", "2013-12-01", "2014-02-28", true],
    ["last-12-months", "2013-03-01", "2014-02-28", true],
    ["all", null, null, true],
  ]);
});

Deno.test("periodShortcuts() ends with the last complete month and adds the partial one, marked", () => {
  const shortcuts = periodShortcuts({
    firstDay: "2011-01-25",
    lastDay: "2014-01-14",
  });
  assertEquals(shortcuts.map((s) => [s.id, s.from, s.to, s.partial]), [
    ["month-to-date", "2014-01-01", "2014-01-14", true],
    ["last-month", "2013-12-01", "2013-12-31", false],
    ["last-3-months", "2013-10-01", "2013-12-31", false],
    ["last-12-months", "2013-01-01", "2013-12-31", false],
    ["all", null, null, false],
  ]);
  assertStringIncludes(shortcuts[0].label, "partial");
  assertStringIncludes(shortcuts[0].title, "the last sale is on 2014-01-14");
  // A year's months across the turn of a year.
  assertEquals(
    periodShortcuts({ firstDay: "2010-01-01", lastDay: "2014-03-31" })
      .find((s) => s.id === "last-12-months")!.from,
    "2013-04-01",
  );
});

Deno.test("periodShortcuts() gives each period what it is compared with, in words", () => {
  const [month, three] = periodShortcuts({
    firstDay: "2011-01-25",
    lastDay: "2014-02-28",
  });
  assertEquals(month.previous, {
    from: "2014-01-04",
    to: "2014-01-31",
    days: 28,
  });
  assertEquals(month.yearAgo, {
    from: "2013-02-01",
    to: "2013-02-28",
    days: 28,
  });
  assertEquals(
    month.title,
    "February 2014, compared with the 28 days before (2014-01-04 to 2014-01-31) and the same days a year earlier (February 2013)",
  );
  assertEquals(three.span, "December 2013 to February 2014");
  assertEquals(three.previous?.from, "2013-09-02");
});

Deno.test("periodShortcuts() makes unavailable, with a reason, a period or comparison the data does not cover", () => {
  const shortcuts = periodShortcuts({
    firstDay: "2013-11-15",
    lastDay: "2014-02-28",
  });
  const reason = (id: string) =>
    shortcuts.find((s) => s.id === id)!.unavailable;
  // February has January's last 28 days before it.
  assertEquals(reason("last-month"), null);
  // December to February: the 90 days before start in September.
  assertEquals(
    reason("last-3-months"),
    "Nothing earlier to compare December 2013 to February 2014 with: the data starts on 2013-11-15",
  );
  assertEquals(
    reason("last-12-months"),
    "The data starts on 2013-11-15, after 2013-03-01",
  );
  assertEquals(reason("all"), null);
  // Less than a month of data: no month to offer.
  assertEquals(
    dates({ firstDay: "2014-02-10", lastDay: "2014-02-20" }).map((d) => d[3]),
    [false, false, false, false, true],
  );
  assertEquals(periodShortcuts({ firstDay: null, lastDay: null }), []);
});

Deno.test("activeShortcut() names the shortcut whose dates the filter has, and none after an edit", () => {
  const shortcuts = periodShortcuts({
    firstDay: "2011-01-25",
    lastDay: "2014-02-28",
  });
  assertEquals(activeShortcut(shortcuts, {})?.id, "all");
  assertEquals(
    activeShortcut(shortcuts, { from: "2013-12-01", to: "2014-02-28" })?.id,
    "last-3-months",
  );
  assertEquals(activeShortcut(shortcuts, { from: "2013-12-01" }), null);
  assertEquals(
    activeShortcut(shortcuts, { from: "2013-12-01", to: "2014-02-27" }),
    null,
  );
});

Deno.test("shortcutDays() ends on the last day with a sale, not on a later return", () => {
  const cube = (
    grain: "day" | "month",
    period: string[],
    gross: number[],
  ) => ({
    grain,
    from: "2013-12-30",
    to: "2014-02-28",
    dims: { period } as SalesCube["dims"],
    cells: {
      length: gross.length,
      period: gross.map((_, i) => i),
      gross,
    } as unknown as SalesCube["cells"],
  });
  // Sales until 20 February, then only a return on the 28th.
  assertEquals(
    shortcutDays(
      cube("day", ["2013-12-30", "2014-02-20", "2014-02-28"], [5, 9, 0]),
    ),
    { firstDay: "2013-12-30", lastDay: "2014-02-20" },
  );
  // A month cube knows the last sale to its month only.
  assertEquals(
    shortcutDays(cube("month", ["2013-12-01", "2014-01-01", "2014-02-01"], [
      5,
      9,
      0,
    ])).lastDay,
    "2014-01-31",
  );
  assertEquals(
    shortcutDays(cube("month", ["2013-12-01", "2014-02-01"], [5, 9]))
      .lastDay,
    "2014-02-28",
  );
  assertEquals(
    shortcutDays(cube("day", ["2014-02-28"], [0])).lastDay,
    "2014-02-28",
  );
});
