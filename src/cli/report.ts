import { bundleClient } from "../pipeline/bundle_client.ts";
import { openSource } from "../source/open_source.ts";
import { PASSWORD_ENV, readPassword } from "./read_password.ts";
import { writeRun } from "../pipeline/write_run.ts";
import { buildReport } from "../pipeline/build_report.ts";
import { encryptPage } from "../report/lock/encrypt_page.ts";
import { type FilterState, parseFilterHash } from "../report/filter_state.ts";
import { weakPasswordWarning } from "../report/lock/weak_password_warning.ts";
import { VERSION } from "../version.ts";
import { CliError } from "../model/cli_error.ts";
import {
  CONFIG_OPTION,
  DATA_OPTIONS,
  dataSource,
  K_OPTION,
} from "./data_options.ts";
import {
  PUBLISH_CREDENTIALS_HELP,
  PUBLISH_OPTIONS,
} from "./publish_options.ts";
import {
  loadPublishConfig,
  type PublishOptionValues,
  publishWithFlags,
} from "./publish_with_flags.ts";
import { loadSettings } from "./settings_file.ts";
import type { CommandSpec } from "./spine/option_spec.ts";
import { readCommandLine } from "./spine/read_command_line.ts";
import { realDate, wholeNumber } from "./spine/validators.ts";
import { runMain } from "./run_main.ts";

const FILTERS =
  "Filters (repeat a flag for several values; the page can narrow them further)";
const filter = (name: string) =>
  ({
    name,
    kind: "list",
    value: "NAME",
    section: FILTERS,
    help: `only this ${name}`,
  }) as const;
const PRIVACY = "Privacy (see docs/privacy.md)";

const OPTIONS = [
  ...DATA_OPTIONS,
  CONFIG_OPTION,
  {
    name: "out",
    kind: "string",
    value: "DIR",
    section: "Report",
    help: "where runs are written",
    default: "reports",
  },
  { ...K_OPTION, section: "Report" },
  {
    name: "top-n",
    kind: "string",
    value: "N",
    section: "Report",
    help: 'categories per region in "top categories"',
    default: 2,
    parse: wholeNumber({ min: 1 }),
  },
  {
    name: "width",
    kind: "string",
    value: "PX",
    section: "Report",
    help: "chart width",
    default: 640,
    parse: wholeNumber({ min: 320 }),
  },
  filter("category"),
  filter("region"),
  filter("store"),
  filter("channel"),
  filter("segment"),
  filter("cluster"),
  ...(["from", "to"] as const).map((name) =>
    ({
      name,
      kind: "string",
      value: "DATE",
      section: FILTERS,
      help: `sales ${name} this day (YYYY-MM-DD)`,
      parse: realDate,
    }) as const
  ),
  {
    name: "password",
    kind: "string",
    value: "TEXT",
    section: PRIVACY,
    help:
      "lock the page with a password (AES-256-GCM, PBKDF2-SHA-256);\nwithout it and the variable, --encrypt asks on the terminal",
    env: [PASSWORD_ENV],
    deferred: true,
  },
  {
    name: "encrypt",
    kind: "boolean",
    section: PRIVACY,
    help: "lock the page, asking for the password on the terminal",
  },
  {
    name: "remember-days",
    kind: "string",
    value: "N",
    section: PRIVACY,
    help: "let readers keep the key on their device for N days (0 = never)",
    defaultText: "30",
    parse: wholeNumber(),
  },
  {
    name: "notebooks",
    kind: "string",
    value: "DIR",
    section: "Notebooks",
    help:
      "include the executed notebooks' HTML from DIR (as written by\ndeno task notebooks: reports/notebooks) in the run, and so in\nwhat --publish uploads; left out of a locked report",
  },
  {
    name: "publish",
    kind: "boolean",
    section: "Publishing (see docs/publish.md)",
    help: "upload the run to S3 and make it the current report",
  },
  ...PUBLISH_OPTIONS,
] as const;

/** `deno task report`, declared once. */
export const REPORT_SPEC: CommandSpec = {
  name: "report",
  usage: ["[options]"],
  description:
    `Builds the sales report: reports/<run-id>/index.html (one self-contained page),
report.json (every figure), one CSV per table, and refreshes reports/latest/.
Progress goes to stderr; the last line on stdout is JSON: {"runId", "dir", "url"}.`,
  options: OPTIONS,
  epilogue: PUBLISH_CREDENTIALS_HELP,
};

/** The options `deno task report` accepts, by name. */
export const REPORT_OPTIONS = Object.fromEntries(
  OPTIONS.map((option) => [option.name, option]),
);

/** `deno task report`. */
export async function report(args: string[]): Promise<number> {
  const parsed = readCommandLine(REPORT_SPEC, args);
  if (!parsed) return 0;
  const values = parsed.flags as PublishOptionValues & { password?: string };
  const settings = await loadSettings(OPTIONS, parsed.flags);
  const source = dataSource(settings);
  // The filter flags are the page's URL hash keys: one table, in filter_state.ts.
  const hash = new URLSearchParams();
  for (const option of OPTIONS) {
    if (option.section !== FILTERS) continue;
    const value = settings[option.name];
    for (const v of Array.isArray(value) ? value : value ? [value] : []) {
      hash.append(option.name, v);
    }
  }
  const filters: FilterState = parseFilterHash(hash.toString());
  const k = settings.k;
  const rememberDays = settings["remember-days"];
  const locked = settings.encrypt || values.password !== undefined ||
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
  if (settings.publish) await loadPublishConfig(values);
  let notebooks = new Map<string, string>();
  if (settings.notebooks !== undefined) {
    notebooks = await readNotebooks(settings.notebooks);
    if (locked) {
      console.error(
        "note: the executed notebooks are left out of a locked report: they show the data in clear",
      );
      notebooks.clear();
    }
  }
  const out = settings.out;
  const built = await buildReport({
    source,
    ...(source.asOf ? { asOf: source.asOf } : {}),
    seed: source.seed,
    ...(k ? { k } : {}),
    topN: settings["top-n"],
    width: settings.width,
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
  if (settings.publish) {
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

if (import.meta.main) await runMain(report);
