import { parseArgs } from "node:util";
import { dataSummary } from "../source/data_summary.ts";
import { openSource } from "../source/open_source.ts";
import { closeDataset } from "../source/dataset.ts";
import { writeRejects } from "../source/write_rejects.ts";
import { CliError } from "./cli_error.ts";
import { DATA_FLAGS_HELP, readDataSettings } from "./data_flags.ts";
import { formatInspection } from "../report/format_inspection.ts";
import { runMain } from "./run_main.ts";

const HELP = `Usage: deno task inspect [options]

Reads a data source and prints what to check before trusting it: rows read,
rows rejected and why, returns, duplicates, period, stores, customers,
categories, and which column fed which field.

${DATA_FLAGS_HELP}

Output:
  --json                 print the same as JSON
  --rejects FILE         where --on-bad-rows=skip writes rejected rows
                         (default: reports/rejected_rows.csv)
  --help                 show this help
  --debug                print the stack of an error`;

/** `deno task inspect`. */
export async function inspect(args: string[]): Promise<number> {
  const { values } = parseFlags(args);
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  const flags = await readDataSettings(values);
  const { dataset, report } = await openSource(flags);
  try {
    const summary = await dataSummary(dataset);
    let rejectsFile: string | null = null;
    if (report.rowsRejected > 0) {
      rejectsFile = values.rejects ?? "reports/rejected_rows.csv";
      await writeRejects(dataset, rejectsFile);
    }
    if (values.json) {
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

function parseFlags(args: string[]) {
  try {
    return parseArgs({
      args,
      strict: true,
      allowPositionals: false,
      options: {
        data: { type: "string" },
        map: { type: "string", multiple: true },
        "date-format": { type: "string" },
        "on-bad-rows": { type: "string" },
        seed: { type: "string" },
        "as-of": { type: "string" },
        config: { type: "string" },
        rejects: { type: "string" },
        json: { type: "boolean" },
        help: { type: "boolean" },
      },
    });
  } catch (error) {
    throw new CliError(`${(error as Error).message}; see --help`);
  }
}

if (import.meta.main) await runMain(inspect);
