import type { ReportModel } from "../report/report_model.ts";
import { reportJson } from "../report/report_json.ts";
import { csvFileName, tableCsv, type TableSpec } from "../report/table_spec.ts";

/**
 * A run's files: `index.html`, `report.json` (the model), one CSV per
 * table, named after the table and the command line's filters as the page's
 * downloads are (`stores_category-Books.csv`), and `rejected_rows.csv` when
 * rows were rejected.
 */
export function reportFiles(
  index: string,
  model: ReportModel,
  tables: readonly TableSpec[],
  rejects: Record<string, unknown>[] | null,
): Map<string, string> {
  const files = new Map<string, string>([["index.html", index], [
    "report.json",
    reportJson(model),
  ]]);
  for (const table of tables) {
    files.set(
      csvFileName(table.id, model.parameters.filters),
      tableCsv(table, model.parameters.currency),
    );
  }
  if (rejects) {
    files.set(
      "rejected_rows.csv",
      tableCsv({
        id: "rejected_rows",
        title: "Rejected rows",
        columns: ["file", "row", "column", "value", "reason"].map((
          key,
        ) => ({
          key,
          label: key.charAt(0).toUpperCase() + key.slice(1),
          kind: "text" as const,
        })),
        rows: rejects,
      }),
    );
  }
  return files;
}
