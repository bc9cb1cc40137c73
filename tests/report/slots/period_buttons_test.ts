import { assertEquals, assertStringIncludes } from "../../assert.ts";
import { periodShortcuts } from "../../../src/figures/sales/period_shortcuts.ts";
import {
  renderComparisonOffers,
  renderPeriodButtons,
  withPeriod,
} from "../../../src/report/slots/period_buttons.ts";
import { sentence } from "../../../src/report/render_what_changed.ts";
import { numberFormats } from "../../../src/figures/format/number_formats.ts";

const REAL = periodShortcuts({ firstDay: "2011-01-25", lastDay: "2014-02-20" });
const SHORT = periodShortcuts({
  firstDay: "2013-11-15",
  lastDay: "2014-02-28",
});

Deno.test('renderPeriodButtons() presses "All dates" and disables, with its reason, a shortcut the data cannot cover', () => {
  const markup = renderPeriodButtons(SHORT).markup;
  assertStringIncludes(
    markup,
    '<button type="button" data-period="all" aria-pressed="true"',
  );
  assertStringIncludes(
    markup,
    'data-period="last-12-months" aria-pressed="false" title="The data starts on 2013-11-15, after 2013-03-01" disabled>Last 12 months</button>',
  );
  assertEquals(markup.match(/ disabled>/g)?.length, 2);
  assertEquals(renderPeriodButtons([]).markup, "");
});

Deno.test("renderComparisonOffers() offers only the shortcuts with a comparison, saying with what", () => {
  const offers = renderComparisonOffers(SHORT).markup;
  assertEquals(
    [...offers.matchAll(/data-period="([^"]+)"/g)].map((m) => m[1]),
    ["last-month"],
  );
  assertStringIncludes(
    offers,
    ">Compare the last month (February 2014) with the 28 days before</button>",
  );
  assertStringIncludes(
    renderComparisonOffers(REAL).markup,
    ">Compare the month to date (2014-02-01 to 2014-02-20, a partial month) with the 20 days before and the same days a year earlier</button>",
  );
});

Deno.test("the sentence without an earlier period offers the shortcuts, or else asks to narrow the dates", () => {
  const takeaway = {
    kind: "no-earlier-data" as const,
    anchor: "chart-weekly",
    totalSales: 1000,
    period: { from: "2011-01-25", to: "2014-02-28", days: 1131 },
  };
  const format = numberFormats();
  const offered = sentence(takeaway, format, REAL).markup;
  assertEquals(offered.match(/<button /g)?.length, 4);
  assertEquals(offered.includes("narrow the dates"), false);
  const none = sentence(
    takeaway,
    format,
    periodShortcuts({
      firstDay: "2014-02-10",
      lastDay: "2014-02-20",
    }),
  ).markup;
  assertStringIncludes(none, "narrow the dates in the filters to see one");
  assertEquals(none.includes("<button"), false);
});

Deno.test("withPeriod() puts a shortcut's dates in place of the filter's and keeps the rest", () => {
  assertEquals(
    withPeriod({ regions: ["City 3"], from: "2012-01-01", to: "2012-06-30" }, {
      from: "2014-01-01",
      to: "2014-01-31",
    }),
    { regions: ["City 3"], from: "2014-01-01", to: "2014-01-31" },
  );
  assertEquals(
    withPeriod({ regions: ["City 3"], from: "2012-01-01" }, {
      from: null,
      to: null,
    }),
    { regions: ["City 3"] },
  );
});
