import { assertEquals } from "../assert.ts";
import { cohortTable } from "../../src/figures/cohorts/cohort_table.ts";
import {
  cohortTables,
  IN_PROGRESS,
} from "../../src/report/customers/cohort_tables.ts";
import { csvCell, tableCsv } from "../../src/report/table_spec.ts";

// Two cohorts; the data ends on 2024-03-10, inside March.
const TABLE = cohortTable({
  lastDate: "2024-03-10",
  cohorts: ["2024-01", "2024-02"],
  segments: ["Champions"],
  clusters: ["(none)"],
  cells: [[0, 0, 0, 0, 4, 400], [0, 1, 0, 0, 1, 25], [1, 0, 0, 0, 2, 90]],
});

Deno.test("the cohort summary tells the month in progress from the months after the data, and neither is zero", () => {
  const [summary] = cohortTables(TABLE);
  assertEquals(summary.rows, [
    {
      cohort: "2024-01",
      customers: 4,
      firstMonthSales: 400,
      month1: 0.25,
      month2: IN_PROGRESS,
      month3: null,
      month6: null,
      month12: null,
    },
    {
      cohort: "2024-02",
      customers: 2,
      firstMonthSales: 90,
      month1: IN_PROGRESS,
      month2: null,
      month3: null,
      month6: null,
      month12: null,
    },
  ]);
  assertEquals(csvCell(summary.rows[0].month3, "percent"), "");
});

Deno.test("the cohorts-by-month table lists every month up to the data's last, the partial one blank", () => {
  const [, long] = cohortTables(TABLE);
  assertEquals(
    long.rows.map((r) => [r.cohort, r.month, r.status, r.share]),
    [
      ["2024-01", "2024-01", "complete", 1],
      ["2024-01", "2024-02", "complete", 0.25],
      ["2024-01", "2024-03", "partial", null],
      ["2024-02", "2024-02", "complete", 1],
      ["2024-02", "2024-03", "partial", null],
    ],
  );
  const csv = tableCsv(long, "USD").split("\r\n");
  assertEquals(csv[3], "2024-01,2024-03,2,partial,,,");
});
