import type { DataSummary } from "../source/data_summary.ts";
import type { LoadReport } from "../source/load_report.ts";
import { encodingText } from "../source/csv_encoding.ts";
import { numberFormats } from "../figures/format/number_formats.ts";

const { integer: formatInteger, money: formatMoney } = numberFormats();
import { lookupText } from "./render_report.ts";

/** The text `deno task inspect` prints. */
export function formatInspection(
  report: LoadReport,
  summary: DataSummary,
  rejectsFile: string | null,
): string {
  const lines: [string, string][] = [];
  const add = (label: string, value: string) => lines.push([label, value]);
  add(
    "Source",
    `${report.kind}${
      report.path ? ` ${report.path}` : " (built-in simulator)"
    }`,
  );
  for (const file of report.files) add("", file);
  for (const e of report.encodings) {
    add("Encoding", `${e.file.split("/").pop()}: ${encodingText(e)}`);
  }
  add("Rows read", formatInteger(report.rowsRead));
  add(
    "Rows rejected",
    formatInteger(report.rowsRejected) +
      (rejectsFile ? ` (each with its reason in ${rejectsFile})` : ""),
  );
  for (const r of report.rejectReasons) {
    add("", `${formatInteger(r.count)} × ${r.reason}`);
  }
  add("Sale lines", formatInteger(summary.lines));
  add(
    "Returns",
    `${formatInteger(summary.returns.lines)} lines, ${
      formatMoney(summary.returns.amount)
    }`,
  );
  add(
    "Duplicates",
    `${
      formatInteger(report.duplicateLines)
    } lines repeat an earlier line (kept)`,
  );
  for (const l of report.lookups) {
    add("Lookup", `${l.file.split("/").pop()}: ${lookupText(l)}`);
  }
  add("Period", summary.from ? `${summary.from} to ${summary.to}` : "no sales");
  add("Stores", formatInteger(summary.stores));
  add(
    "Customers",
    `${formatInteger(summary.customers)} on sale lines; ${
      formatInteger(summary.customerRecords)
    } in the customers table; ${
      formatInteger(summary.linesWithoutCustomer)
    } sale ${
      summary.linesWithoutCustomer === 1 ? "line" : "lines"
    } without a customer id`,
  );
  if (summary.fuelLines) add("Fuel lines", formatInteger(summary.fuelLines));
  add("Categories", `${summary.categories.length}`);
  for (const c of summary.categories) {
    add(
      "",
      `${c.category}: ${formatInteger(c.lines)} lines, ${
        formatMoney(c.amount)
      }`,
    );
  }
  if (report.columns.length) {
    add("Columns", "");
    for (const c of report.columns) {
      add("", `${c.field} ← ${c.file.split("/").pop()}: ${c.column}`);
    }
  }
  for (const [column, order] of Object.entries(report.dateOrders)) {
    add(
      "Dates",
      `${column.split("/").pop()}: ${
        order === "dmy"
          ? "day first"
          : order === "mdy"
          ? "month first"
          : "year first (YYYY-MM-DD or YYYYMMDD)"
      }`,
    );
  }
  const width = Math.max(...lines.map(([l]) => l.length));
  return lines.map(([label, value]) =>
    `${label.padEnd(width)}  ${value}`.trimEnd()
  ).join("\n");
}
