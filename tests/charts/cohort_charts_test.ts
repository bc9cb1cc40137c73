import { assertEquals, assertOk } from "../assert.ts";
import { numberFormats } from "../../src/figures/format/number_formats.ts";
import {
  type CohortCells,
  cohortTable,
} from "../../src/figures/cohorts/cohort_table.ts";
import { cohortHeatmapChart } from "../../src/charts/cohorts/cohort_heatmap_chart.ts";
import { assertGoldenSvg, headlessDocument } from "./golden.ts";

/**
 * Six cohorts, January to June 2024, of 10 to 60 customers, each buying
 * again at a rate that falls by month; the data ends on 2024-06-12, inside
 * June, so June is partial.
 */
function sixCohorts(): CohortCells {
  const cohorts = [
    "2024-01",
    "2024-02",
    "2024-03",
    "2024-04",
    "2024-05",
    "2024-06",
  ];
  const cells: CohortCells["cells"] = [];
  for (const [c] of cohorts.entries()) {
    const size = 10 * (c + 1);
    cells.push([c, 0, 0, 0, size, 100 * size]);
    for (let offset = 1; c + offset < cohorts.length; offset++) {
      const active = Math.round(size * 0.4 / offset);
      cells.push([c, offset, 0, 0, active, 55 * active]);
    }
  }
  return {
    lastDate: "2024-06-12",
    cohorts,
    segments: ["Champions"],
    clusters: ["(none)"],
    cells,
  };
}

const TABLE = cohortTable(sixCohorts());

Deno.test("the cohort heat map matches its golden SVG at 640 px", async () => {
  await assertGoldenSvg(
    "cohort_heatmap",
    cohortHeatmapChart(TABLE, { document: headlessDocument(), width: 640 }),
  );
});

Deno.test("the cohort heat map matches its golden SVG at 1200 px in euros", async () => {
  await assertGoldenSvg(
    "cohort_heatmap-1200",
    cohortHeatmapChart(TABLE, {
      document: headlessDocument(),
      width: 1200,
      format: numberFormats({ currency: "EUR", locale: "de-DE" }),
    }),
  );
});

Deno.test("the cohort heat map colours complete months only and outlines the partial one", () => {
  const chart = cohortHeatmapChart(TABLE, { document: headlessDocument() });
  const titles = [...chart.querySelectorAll("rect title")].map((t) =>
    t.textContent ?? ""
  );
  // 15 later months after six cohorts, five of them in June (partial).
  assertEquals(titles.length, 15);
  assertEquals(titles.filter((t) => t.includes("in progress")).length, 5);
  const dashed = [...chart.querySelectorAll("g[stroke-dasharray] rect")];
  assertEquals(dashed.length, 5);
  assertOk(
    titles.includes(
      "2024-01 +1: 4/10 (40.0%), $220",
    ),
    titles.join("\n"),
  );
  const legend = [...chart.querySelector("svg")!.querySelectorAll("text")]
    .map((t) => t.textContent).join(" ");
  assertOk(
    !chart.textContent!.includes("2024-06 (60)"),
    "the last cohort has no later month",
  );
  // Seven shades from zero to the top share, 40%: the first step ends at 5%,
  // where a scale from the lowest share (10%) would start higher.
  assertEquals(legend.match(/[0-9.]+%/)?.[0], "5.0%");
  assertOk(
    chart.textContent!.includes("2024-06, the month the data ends inside"),
  );
});
