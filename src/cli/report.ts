import { parseArgs } from "node:util";
import { bundleClient } from "../pipeline/bundle_client.ts";
import { openSource } from "../source/open_source.ts";
import { PASSWORD_ENV, readPassword } from "./read_password.ts";
import { writeRun } from "../pipeline/write_run.ts";
import { buildReport } from "../pipeline/build_report.ts";
import { encryptPage } from "../report/lock/encrypt_page.ts";
import type { FilterState } from "../report/filter_state.ts";
import { weakPasswordWarning } from "../report/lock/weak_password_warning.ts";
import { VERSION } from "../version.ts";
import { CliError } from "./cli_error.ts";
import { DATA_FLAGS_HELP, readDataSettings } from "./data_flags.ts";
import {
  loadPublishConfig,
  PUBLISH_OPTIONS,
  PUBLISH_OPTIONS_HELP,
  publishWithFlags,
} from "./publish_options.ts";
import { runMain } from "./run_main.ts";

const HELP = `Usage: deno task report [options]

Builds the sales report: reports/<run-id>/index.html (one self-contained page),
report.json (every figure), one CSV per table, and refreshes reports/latest/.
Progress goes to stderr; the last line on stdout is JSON: {"runId", "dir", "url"}.

${DATA_FLAGS_HELP}

Report:
  --out DIR              where runs are written (default: reports)
  --k N                  number of customer clusters (default: chosen by silhouette, 2..8)
  --top-n N              categories per region in "top categories" (default 2)
  --width PX             chart width (default 640)

Filters (repeat a flag for several values; the page can narrow them further):
  --category NAME  --region NAME  --store NAME  --channel NAME
  --segment NAME   --cluster NAME --from DATE   --to DATE

Privacy:
  --password TEXT        lock the page with a password (AES-256-GCM, PBKDF2-SHA-256);
                         also ${PASSWORD_ENV}; see docs/privacy.md
  --encrypt              lock the page, asking for the password on the terminal
  --remember-days N      let readers keep the key on their device for N days (default 30, 0 = never)

Notebooks:
  --notebooks DIR        include the executed notebooks' HTML from DIR (as written by
                         deno task notebooks: reports/notebooks) in the run, and so in
                         what --publish uploads; left out of a locked report

Publishing (see docs/publish.md):
  --publish              upload the run to S3 and make it the current report
${PUBLISH_OPTIONS_HELP.split("\n").map((l) => `  ${l}`).join("\n")}

Other:
  --help                 show this help
  --debug                print the stack of an error`;

/** The options `deno task report` accepts, in `node:util` `parseArgs` form. */
export const REPORT_OPTIONS = {
  ...PUBLISH_OPTIONS,
  data: { type: "string" },
  map: { type: "string", multiple: true },
  "date-format": { type: "string" },
  "on-bad-rows": { type: "string" },
  seed: { type: "string" },
  "as-of": { type: "string" },
  out: { type: "string" },
  k: { type: "string" },
  "top-n": { type: "string" },
  width: { type: "string" },
  category: { type: "string", multiple: true },
  region: { type: "string", multiple: true },
  store: { type: "string", multiple: true },
  channel: { type: "string", multiple: true },
  segment: { type: "string", multiple: true },
  cluster: { type: "string", multiple: true },
  from: { type: "string" },
  to: { type: "string" },
  password: { type: "string" },
  encrypt: { type: "boolean" },
  "remember-days": { type: "string" },
  publish: { type: "boolean" },
  notebooks: { type: "string" },
  help: { type: "boolean" },
} as const;

/** `deno task report`. */
export async function report(args: string[]): Promise<number> {
  let values;
  try {
    values = parseArgs({
      args,
      options: REPORT_OPTIONS,
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    throw new CliError(`${(error as Error).message}; see --help`);
  }
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  const flags = await readDataSettings(values);
  const filters: FilterState = {};
  for (
    const [flag, field] of [
      ["category", "categories"],
      ["region", "regions"],
      ["store", "stores"],
      ["channel", "channels"],
      ["segment", "segments"],
      ["cluster", "clusters"],
    ] as const
  ) {
    if (values[flag]?.length) filters[field] = values[flag];
  }
  for (const flag of ["from", "to"] as const) {
    const value = values[flag];
    if (value === undefined) continue;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value))) {
      throw new CliError(
        `Cannot read --${flag} ${
          JSON.stringify(value)
        }: expected a date as YYYY-MM-DD`,
      );
    }
    filters[flag] = value;
  }
  const k = values.k === undefined ? undefined : wholeNumber("k", values.k, 1);
  const rememberDays = values["remember-days"] === undefined
    ? undefined
    : wholeNumber("remember-days", values["remember-days"], 0);
  const locked = values.encrypt || values.password !== undefined ||
    Deno.env.get(PASSWORD_ENV) !== undefined;
  let password: string | undefined;
  if (locked) {
    try {
      password = await readPassword({ flag: values.password });
    } catch (error) {
      throw new CliError((error as Error).message);
    }
    const warning = weakPasswordWarning(password);
    if (warning) console.error(`warning: ${warning}`);
  }
  // Settle where to publish before the build, so that a missing bucket or a
  // bad setting fails at once rather than after the whole report.
  if (values.publish) await loadPublishConfig(values);
  let notebooks = new Map<string, string>();
  if (values.notebooks !== undefined) {
    notebooks = await readNotebooks(values.notebooks);
    if (locked) {
      console.error(
        "note: the executed notebooks are left out of a locked report: they show the data in clear",
      );
      notebooks.clear();
    }
  }
  const out = values.out ?? "reports";
  const built = await buildReport({
    source: flags,
    ...(flags.asOf ? { asOf: flags.asOf } : {}),
    seed: flags.seed,
    ...(k ? { k } : {}),
    topN: values["top-n"] === undefined
      ? 2
      : wholeNumber("top-n", values["top-n"], 1),
    width: values.width === undefined
      ? 640
      : wholeNumber("width", values.width, 320),
    filters,
  }, {
    openSource,
    now: () => new Date(),
    log: (message) => console.error(message),
    bundleClient,
  });
  const files = built.files;
  for (const [name, page] of notebooks) files.set(`notebooks/${name}`, page);
  if (password !== undefined) {
    const started = performance.now();
    files.set(
      "index.html",
      await encryptPage(files.get("index.html")!, {
        password,
        ...(rememberDays === undefined ? {} : { rememberDays }),
      }),
    );
    console.error(
      `${"encrypt".padEnd(12)} ${
        ((performance.now() - started) / 1000).toFixed(2)
      } s`,
    );
  }
  const started = performance.now();
  const dir = await writeRun(out, built.runId, files);
  console.error(
    `${"write".padEnd(12)} ${
      ((performance.now() - started) / 1000).toFixed(2)
    } s`,
  );
  console.error(
    `Report written to ${dir}/index.html (${
      (new TextEncoder().encode(files.get("index.html")!).length / 1024)
        .toFixed(0)
    } KiB)`,
  );
  let url: string | null = null;
  if (values.publish) {
    const started = performance.now();
    try {
      const result = await publishWithFlags(values, dir, {
        runId: built.runId,
        parameters: built.model.parameters as unknown as Record<
          string,
          unknown
        >,
        dataFingerprint: built.model.data.fingerprint,
        version: VERSION,
        onlyIndex: password !== undefined,
      });
      url = result.url ?? null;
    } catch (error) {
      throw new CliError((error as Error).message, 1);
    }
    console.error(
      `${"publish".padEnd(12)} ${
        ((performance.now() - started) / 1000).toFixed(2)
      } s`,
    );
  }
  console.log(JSON.stringify({ runId: built.runId, dir, url }));
  return 0;
}

/** Reads the executed notebooks' HTML pages in a folder, by file name. */
async function readNotebooks(dir: string): Promise<Map<string, string>> {
  const pages = new Map<string, string>();
  try {
    for await (const entry of Deno.readDir(dir)) {
      if (!entry.isFile || !entry.name.endsWith(".html")) continue;
      pages.set(entry.name, await Deno.readTextFile(`${dir}/${entry.name}`));
    }
  } catch (error) {
    throw new CliError(
      `Cannot read the notebooks in ${JSON.stringify(dir)}: ${
        (error as Error).message
      }; run deno task notebooks first`,
    );
  }
  if (pages.size === 0) {
    throw new CliError(
      `Cannot find executed notebooks in ${
        JSON.stringify(dir)
      }: it holds no .html file; run deno task notebooks first`,
    );
  }
  return pages;
}

function wholeNumber(flag: string, text: string, min: number): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < min) {
    throw new CliError(
      `Cannot read --${flag} ${
        JSON.stringify(text)
      }: expected a whole number of ${min} or more`,
    );
  }
  return value;
}

if (import.meta.main) await runMain(report);
