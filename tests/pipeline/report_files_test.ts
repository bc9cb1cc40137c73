import { assertEquals } from "../assert.ts";
import { reportFiles } from "../../src/pipeline/report_files.ts";
import type { ReportModel } from "../../src/report/report_model.ts";

const TABLE = {
  id: "stores",
  title: "Sales by store",
  columns: [{ key: "store", label: "Store", kind: "text" as const }],
  rows: [{ store: "North" }],
};

const model = (filters: Record<string, unknown>) =>
  ({ parameters: { filters } }) as unknown as ReportModel;

Deno.test("reportFiles() names each CSV after its table and the command line's filters", () => {
  assertEquals(
    [...reportFiles("<html>", model({}), [TABLE], null).keys()],
    ["index.html", "report.json", "stores.csv"],
  );
  assertEquals(
    [
      ...reportFiles(
        "<html>",
        model({ categories: ["Books"], from: "2025-01-01" }),
        [TABLE],
        [{ file: "s.csv", row: 3, column: "amount", value: "x", reason: "r" }],
      ).keys(),
    ],
    [
      "index.html",
      "report.json",
      "stores_category-Books_from-2025-01-01.csv",
      "rejected_rows.csv",
    ],
  );
});

Deno.test("reportFiles() heads rejected_rows.csv with readable names", () => {
  const files = reportFiles("<html>", model({}), [], [
    { file: "s.csv", row: 3, column: "amount", value: "=1+1", reason: "r" },
  ]);
  assertEquals(
    files.get("rejected_rows.csv"),
    "File,Row,Column,Value,Reason\r\ns.csv,3,amount,'=1+1,r\r\n",
  );
});
