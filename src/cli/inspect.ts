import { dataSummary } from "../source/data_summary.ts";
import { openSource } from "../source/open_source.ts";
import { closeDataset } from "../source/dataset.ts";
import { writeRejects } from "../source/write_rejects.ts";
import { formatInspection } from "../report/format_inspection.ts";
import { CONFIG_OPTION, DATA_OPTIONS, dataSource } from "./data_options.ts";
import { runMain } from "./run_main.ts";
import { loadSettings } from "./settings_file.ts";
import type { CommandSpec } from "./spine/option_spec.ts";
import { readCommandLine } from "./spine/read_command_line.ts";

const OPTIONS = [
  ...DATA_OPTIONS,
  CONFIG_OPTION,
  {
    name: "json",
    kind: "boolean",
    section: "Output",
    help: "print the same as JSON",
  },
  {
    name: "rejects",
    kind: "string",
    value: "FILE",
    section: "Output",
    help: "where --on-bad-rows=skip writes rejected rows",
    default: "reports/rejected_rows.csv",
  },
] as const;

/** `deno task inspect`, declared once. */
export const INSPECT_SPEC: CommandSpec = {
  name: "inspect",
  usage: ["[options]"],
  description:
    `Reads a data source and prints what to check before trusting it: rows read,
rows rejected and why, returns, duplicates, period, stores, customers,
categories, and which column fed which field.`,
  options: OPTIONS,
};

/** `deno task inspect`. */
export async function inspect(args: string[]): Promise<number> {
  const parsed = readCommandLine(INSPECT_SPEC, args);
  if (!parsed) return 0;
  const settings = await loadSettings(OPTIONS, parsed.flags);
  const { dataset, report } = await openSource(dataSource(settings));
  try {
    const summary = await dataSummary(dataset);
    let rejectsFile: string | null = null;
    if (report.rowsRejected > 0) {
      rejectsFile = settings.rejects;
      await writeRejects(dataset, rejectsFile);
    }
    if (settings.json) {
      console.log(
        JSON.stringify({ source: report, summary, rejectsFile }, null, 2),
      );
    } else {
      console.log(formatInspection(report, summary, rejectsFile));
    }
    return 0;
  } finally {
    closeDataset(dataset);
  }
}

if (import.meta.main) await runMain(inspect);
