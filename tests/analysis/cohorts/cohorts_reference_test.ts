/**
 * Basket's cohorts (cohortCells in SQL, then cohortTable) against pandas:
 * the numbers in tests/reference/cohorts.json, written by
 * tests/reference/cohorts.py from the raw CSVs of the real retail data set
 * and of a small fixture whose numbers can be checked by hand.
 */
import { assertAlmostEquals, assertEquals } from "../../assert.ts";
import { loadSource } from "../../../src/source/load_source.ts";
import { closeDataset } from "../../../src/source/dataset.ts";
import { cohortCells } from "../../../src/analysis/cohorts/cohort_cells.ts";
import { uploadCustomerTable } from "../../../src/analysis/segments/customer_table.ts";
import { customerGroupsOf } from "../../../src/figures/segments/customer_groups.ts";
import {
  type CohortTable,
  cohortTable,
} from "../../../src/figures/cohorts/cohort_table.ts";

const KAGGLE = Deno.env.get("BASKET_KAGGLE_DIR") ??
  new URL("../../../../shared/datasets/retail-kaggle/", import.meta.url)
    .pathname;
const FIXTURE =
  new URL("../../reference/cohorts_fixture/", import.meta.url).pathname;

interface ReferenceSet {
  lastDate: string;
  partialMonth: string | null;
  rows: {
    cohort: string;
    customers: number;
    months: {
      month: string;
      status: string;
      active: number | null;
      share: number | null;
      revenue: number | null;
    }[];
  }[];
  excluded: Record<string, number>;
}

const reference: Record<"kaggle" | "fixture", ReferenceSet> = JSON.parse(
  await Deno.readTextFile(
    new URL("../../reference/cohorts.json", import.meta.url),
  ),
);

async function basketCohorts(
  path: string,
): Promise<{ table: CohortTable; excluded: Record<string, number> }> {
  const { dataset } = await loadSource({ path });
  try {
    const cells = await cohortCells(dataset);
    return {
      table: cohortTable(cells),
      excluded: { ...cells.excluded },
    };
  } finally {
    closeDataset(dataset);
  }
}

function assertMatches(
  { table, excluded }: { table: CohortTable; excluded: Record<string, number> },
  ref: ReferenceSet,
): void {
  assertEquals(table.lastDate, ref.lastDate);
  assertEquals(table.partialMonth, ref.partialMonth);
  assertEquals(excluded, ref.excluded);
  assertEquals(table.rows.map((r) => r.cohort), ref.rows.map((r) => r.cohort));
  for (const [i, row] of table.rows.entries()) {
    const expected = ref.rows[i];
    assertEquals(row.customers, expected.customers, row.cohort);
    assertEquals(
      row.months.map((m) => [m.month, m.status, m.active, m.share]),
      expected.months.map((m) => [m.month, m.status, m.active, m.share]),
      row.cohort,
    );
    for (const [j, month] of row.months.entries()) {
      const want = expected.months[j].revenue;
      if (want === null || month.revenue === null) {
        assertEquals(month.revenue, want);
      } else {
        assertAlmostEquals(
          month.revenue,
          want,
          1e-6 * Math.max(1, Math.abs(want)),
        );
      }
    }
  }
}

Deno.test("cohorts of the real data set match pandas cell for cell", async () => {
  const basket = await basketCohorts(KAGGLE);
  assertMatches(basket, reference.kaggle);
  // The set ends on 2014-02-28: every month is complete, none is partial.
  assertEquals(basket.table.rows.length, 38);
  assertEquals(
    basket.table.rows.flatMap((r) => r.months).filter((m) =>
      m.status !== "complete"
    ),
    [],
  );
});

Deno.test("cohorts of the fixture match pandas and the hand count", async () => {
  const basket = await basketCohorts(FIXTURE);
  assertMatches(basket, reference.fixture);
  // By hand (see the fixture): A and B first buy in January; A again in
  // February, B in March (where A only returns -10: not buying); C buys in
  // February only, so March is a real 0;
  // the data ends on 2024-04-10, so April is partial and blank.
  const [january, february, march, april] = basket.table.rows;
  assertEquals(january.customers, 2);
  assertEquals(january.months.map((m) => m.share), [1, 0.5, 0.5, null]);
  assertEquals(january.months.map((m) => m.revenue), [130, 50, 50, null]);
  assertEquals(february.months.map((m) => [m.active, m.revenue]), [[1, 60], [
    0,
    0,
  ], [null, null]]);
  assertEquals(march.months.map((m) => m.revenue), [25, null]);
  assertEquals(april.openCohort, true);
  assertEquals(basket.excluded, {
    returnOnlyCustomers: 1,
    linesBeforeFirstPurchase: 1,
    amountBeforeFirstPurchase: -5,
    anonymousLines: 1,
  });
});

Deno.test("cohortCells() leaves out lines after the as-of date, and the month it ends inside is partial", async () => {
  const { dataset } = await loadSource({ path: FIXTURE });
  try {
    const cells = await cohortCells(dataset, { asOf: "2024-03-31" });
    const table = cohortTable(cells);
    // The last line up to 2024-03-31 is A's return on 2024-03-20: March is
    // in progress, and F (first purchase in April) is in no cohort.
    assertEquals(table.lastDate, "2024-03-20");
    assertEquals(table.partialMonth, "2024-03");
    assertEquals(table.rows.map((r) => [r.cohort, r.customers]), [
      ["2024-01", 2],
      ["2024-02", 1],
      ["2024-03", 1],
    ]);
    assertEquals(table.rows[0].months.map((m) => m.revenue), [130, 50, null]);
    assertEquals(cells.excluded.linesBeforeFirstPurchase, 1);
  } finally {
    closeDataset(dataset);
  }
});

Deno.test('cohortCells() splits each cohort by the segment and cluster of its customers in the customer table, "(none)" for one not in it', async () => {
  const { dataset } = await loadSource({ path: FIXTURE });
  try {
    const customers = await uploadCustomerTable(
      dataset,
      customerGroupsOf([
        { id: "A", segment: "Champions", cluster: "1. Books" },
        { id: "B", segment: "Lost" },
        { id: "C", segment: "Champions", cluster: "2. Toys" },
        { id: "E", segment: "Lost", cluster: "1. Books" },
      ]),
    );
    const cells = await cohortCells(dataset, { customers });
    assertEquals(cells.cohorts, ["2024-01", "2024-02", "2024-03", "2024-04"]);
    assertEquals(cells.segments, ["(none)", "Champions", "Lost"]);
    assertEquals(cells.clusters, ["(none)", "1. Books", "2. Toys"]);
    // [cohort, month since, segment, cluster, active, revenue]: F, first
    // buying in April, is in no segment.
    assertEquals(cells.cells, [
      [0, 0, 1, 1, 1, 100],
      [0, 0, 2, 0, 1, 30],
      [0, 1, 1, 1, 1, 50],
      [0, 2, 1, 1, 0, -10],
      [0, 2, 2, 0, 1, 60],
      [0, 3, 1, 1, 1, 20],
      [1, 0, 1, 2, 1, 60],
      [1, 2, 1, 2, 1, 10],
      [2, 0, 2, 1, 1, 25],
      [3, 0, 0, 0, 1, 80],
    ]);
    // The table stays for the later stages; the cohorts are those of the
    // cells without it.
    assertEquals(
      cohortTable(await cohortCells(dataset, { customers })),
      cohortTable(await cohortCells(dataset)),
    );
  } finally {
    closeDataset(dataset);
  }
});
