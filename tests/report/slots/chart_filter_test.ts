import { assertEquals } from "../../assert.ts";
import {
  chartFilterHref,
  clickedFilters,
} from "../../../src/report/slots/chart_filter.ts";

Deno.test("chartFilterHref() writes a mark's filter as the page's URL hash", () => {
  assertEquals(chartFilterHref({ store: "S&1" }), "#store=S%261");
  assertEquals(
    chartFilterHref({ region: "North", category: "Books" }),
    "#category=Books&region=North",
  );
  assertEquals(
    chartFilterHref({ from: "2025-02-01", to: "2025-02-28" }),
    "#from=2025-02-01&to=2025-02-28",
  );
});

Deno.test("clickedFilters() sets the clicked value and keeps the reader's other filters", () => {
  assertEquals(
    clickedFilters(
      { categories: ["Toys", "Books"], regions: ["North"], from: "2025-01-01" },
      "#category=Garden",
    ),
    { categories: ["Garden"], regions: ["North"], from: "2025-01-01" },
  );
});

Deno.test("clickedFilters() takes a filter off when its value is clicked again", () => {
  const once = clickedFilters({}, "#store=S1");
  assertEquals(once, { stores: ["S1"] });
  assertEquals(clickedFilters(once, "#store=S1"), {});
});

Deno.test("clickedFilters() replaces the dates by a clicked month and a second click clears them", () => {
  const month = "#category=Books&from=2025-02-01&to=2025-02-28";
  const once = clickedFilters({ from: "2025-01-15" }, month);
  assertEquals(once, {
    categories: ["Books"],
    from: "2025-02-01",
    to: "2025-02-28",
  });
  assertEquals(clickedFilters(once, month), {});
});
