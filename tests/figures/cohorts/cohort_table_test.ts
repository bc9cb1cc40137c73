import { assertEquals } from "../../assert.ts";
import {
  type CohortCells,
  cohortTable,
} from "../../../src/figures/cohorts/cohort_table.ts";
import {
  cohortCellsFromColumns,
  cohortColumns,
} from "../../../src/figures/cohorts/cohort_columns.ts";

const CELLS: CohortCells = {
  lastDate: "2024-03-31",
  cohorts: ["2024-01", "2024-02"],
  segments: ["At Risk", "Champions"],
  clusters: ["1. Books", "2. Toys"],
  cells: [
    [0, 0, 0, 0, 3, 300],
    [0, 0, 1, 1, 2, 100],
    [0, 1, 1, 1, 1, 40],
    [0, 2, 0, 0, 1, 10],
    [1, 0, 0, 1, 4, 80],
  ],
};

Deno.test("cohortTable() sums every segment and cluster when nothing is selected", () => {
  const [january, february] = cohortTable(CELLS).rows;
  assertEquals(january.customers, 5);
  assertEquals(january.months.map((m) => m.active), [5, 1, 1]);
  assertEquals(january.months.map((m) => m.share), [1, 0.2, 0.2]);
  assertEquals(january.months.map((m) => m.revenue), [400, 40, 10]);
  assertEquals(february.months.map((m) => m.month), ["2024-02", "2024-03"]);
});

Deno.test("cohortTable() keeps only the selected segments and clusters, and drops cohorts left empty", () => {
  const table = cohortTable(CELLS, { segments: ["Champions"] });
  assertEquals(table.rows.map((r) => r.cohort), ["2024-01"]);
  assertEquals(table.rows[0].months.map((m) => m.active), [2, 1, 0]);
  const toys = cohortTable(CELLS, { clusters: ["2. Toys"], segments: [] });
  assertEquals(toys.rows.map((r) => r.customers), [2, 4]);
});

Deno.test("cohortTable() reads a last date that ends its month as complete, and one inside it as partial", () => {
  assertEquals(cohortTable(CELLS).partialMonth, null);
  const inside = cohortTable({ ...CELLS, lastDate: "2024-03-30" });
  assertEquals(inside.partialMonth, "2024-03");
  assertEquals(inside.rows[0].months.at(-1), {
    offset: 2,
    month: "2024-03",
    status: "partial",
    active: null,
    share: null,
    revenue: null,
  });
  // A leap February ends on the 29th.
  const leap = cohortTable({ ...CELLS, lastDate: "2024-02-29" });
  assertEquals(leap.partialMonth, null);
  assertEquals(leap.rows[0].months.length, 2);
});

Deno.test("cohort cells by column, as the page carries them, give the same table", () => {
  const columns = cohortColumns({
    ...CELLS,
    cells: CELLS.cells.map((c) => [...c.slice(0, 5), c[5] + 0.123] as typeof c),
  });
  assertEquals(columns.columns[5], [30012, 10012, 4012, 1012, 8012]);
  const table = cohortTable(cohortCellsFromColumns(columns), {
    segments: ["Champions"],
  });
  assertEquals(table.rows[0].months.map((m) => m.revenue), [100.12, 40.12, 0]);
});
