// The build (DuckDB, Plot, linkedom) loads only when the run is not in the
// cache: see buildOrReuse.
import { buildOrReuse } from "../pipeline/build_or_reuse.ts";
import { startInFreeSecond } from "../pipeline/run_id_for.ts";
import { CACHE_OPTIONS, cacheFor } from "./cache_options.ts";
import { PASSWORD_ENV, readPassword } from "./read_password.ts";
import { writeRun } from "../pipeline/write_run.ts";
import { earlierSegments, withWhoMoved } from "./with_who_moved.ts";
import { lockRun } from "../pipeline/lock_run.ts";
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
// The S3 client (the AWS SDK, a large module graph) loads only with
// --publish: see publishing() below.
import {
  loadPublishConfig,
  loadSettings,
  type PublishOptionValues,
} from "./settings_file.ts";
import type { CommandSpec } from "./spine/option_spec.ts";
import { readCommandLine } from "./spine/read_command_line.ts";
import { realDate, wholeNumber } from "./spine/validators.ts";
import { runMain } from "./run_main.ts";
import { FORMAT_OPTIONS } from "./format_options.ts";
import { VALUE_OPTIONS } from "./value_options.ts";
import { PDF_OPTIONS } from "./pdf_options.ts";
import { tickerInWorker } from "./progress_ticker.ts";
import { readNotebooks, writeClearFiles } from "./report_inputs.ts";
import { pdfStep, reportWrittenLines } from "./report_pdf.ts";
import { withNotebookLinks } from "../report/notebook_links.ts";
import { stageLine } from "../pipeline/stage_timer.ts";

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

/** What `report` says when the password comes on the command line. */
export const PASSWORD_FLAG_WARNING =
  `--password puts the password in the process list and the shell history (and "deno task" echoes it): set ${PASSWORD_ENV} or use --encrypt to be asked instead`;

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
  ...CACHE_OPTIONS,
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
    help: "chart width on the server; the page redraws at the reader's width",
    default: 640,
    parse: wholeNumber({ min: 320 }),
  },
  ...FORMAT_OPTIONS,
  ...VALUE_OPTIONS,
  ...PDF_OPTIONS,
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
    name: "encrypt",
    kind: "boolean",
    section: PRIVACY,
    help:
      "lock the page (AES-256-GCM, PBKDF2-SHA-256) with the password in\nBASKET_REPORT_PASSWORD, else one asked on the terminal; a locked\nrun writes only its encrypted page (the data's files are inside)",
  },
  {
    name: "password",
    kind: "string",
    value: "TEXT",
    section: PRIVACY,
    help:
      "lock the page with this password: AVOID, it shows in the process\nlist and shell history (a warning says so); prefer the variable\nor --encrypt",
    env: [PASSWORD_ENV],
    deferred: true,
  },
  {
    name: "clear-files",
    kind: "string",
    value: "DIR",
    section: PRIVACY,
    help:
      "with a locked page: also write report.json, the CSVs and the\nrejected rows in clear to DIR, outside the reports folder",
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
  if (settings["clear-files"] !== undefined && !locked) {
    throw new CliError(
      "Cannot use --clear-files without a password: an unlocked run writes its files in its own folder",
    );
  }
  let password: string | undefined;
  if (locked) {
    try {
      password = await readPassword({ flag: values.password });
    } catch (error) {
      throw new CliError((error as Error).message);
    }
    if (values.password !== undefined) {
      console.error(
        `warning: ${PASSWORD_FLAG_WARNING}`,
      );
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
  const log = (message: string) => console.error(message);
  // Asked for a PDF with no Chromium: say so now, write the report anyway.
  if (settings.pdf && locked) {
    log(
      "note: no index.pdf for a locked report: the PDF would show the data in clear",
    );
  }
  const pdf = settings.pdf && !locked
    ? await pdfStep(settings.paper, settings.locale, log)
    : null;
  const cache = cacheFor(settings, VERSION);
  const runStart = await startInFreeSecond(out);
  const earlier = earlierSegments({
    out,
    password,
    publish: settings.publish ? values : null,
    currency: settings.currency,
    locale: settings.locale,
  });
  const ticker = tickerInWorker();
  const fresh = await buildOrReuse(
    {
      source,
      ...(source.asOf ? { asOf: source.asOf } : {}),
      seed: source.seed,
      ...(k ? { k } : {}),
      topN: settings["top-n"],
      width: settings.width,
      currency: settings.currency,
      locale: settings.locale,
      filters,
      ...(settings["holdout-from"]
        ? { holdoutFrom: settings["holdout-from"] }
        : {}),
      valueWeeks: settings["value-weeks"],
      discountRate: settings["discount-rate"],
    },
    { cache, reuse: !locked },
    {
      now: () => runStart,
      log,
      previousSegments: earlier,
      stageRunning: (name) => {
        // The AWS SDK loads while the build's first stage waits on DuckDB,
        // not before the build (a reread run has no stage: it loads later).
        if (settings.publish && name !== null) publishing().catch(() => {});
        ticker.stageRunning(name);
      },
    },
  ).catch((error) => {
    ticker.stop();
    throw error;
  });
  const built = await withWhoMoved(fresh, earlier, {
    currency: settings.currency,
    locale: settings.locale,
  });
  let files = built.files;
  for (const [name, page] of notebooks) files.set(`notebooks/${name}`, page);
  if (notebooks.size) {
    files.set(
      "index.html",
      withNotebookLinks(files.get("index.html")!, [...notebooks.keys()]),
    );
  }
  let beside: [string, Uint8Array][] = [];
  if (password !== undefined) {
    // A locked run writes nothing in clear: report.json, the CSVs and the
    // rejected rows go inside the encrypted page, whose unlocked view offers
    // them, and segments.json beside it encrypted (segments.json.enc); only a
    // folder asked for with --clear-files gets them in clear.
    const started = performance.now();
    const clear = new Map([...files].filter(([name]) => name !== "index.html"));
    if (settings["clear-files"] !== undefined) {
      await writeClearFiles(settings["clear-files"], out, clear);
    }
    const locked = await lockRun(files, {
      password,
      runId: built.runId,
      ...(rememberDays === undefined ? {} : { rememberDays }),
    });
    files = new Map([["index.html", locked.page]]);
    beside = locked.beside;
    console.error(
      stageLine("encrypt", performance.now() - started),
    );
  }
  const printed = pdf ? await pdf.print(files, ticker.stageRunning) : null;
  ticker.stop();
  const started = performance.now();
  const dir = await writeRun(
    out,
    built.runId,
    new Map<string, string | Uint8Array>([
      ...files,
      ...beside,
      ...printed ? [["index.pdf", printed.pdf] as const] : [],
    ]),
  );
  console.error(
    stageLine("write", performance.now() - started),
  );
  for (
    const line of reportWrittenLines(dir, files.get("index.html")!, printed)
  ) log(line);
  let url: string | null = null;
  let superseded: string | null = null;
  if (settings.publish) {
    const started = performance.now();
    try {
      const { publishWithFlags } = await publishing();
      const result = await publishWithFlags(values, dir, {
        runId: built.runId,
        parameters: built.model.parameters as unknown as Record<
          string,
          unknown
        >,
        // A locked run's public manifest shows no counts: the fingerprint
        // holds the line counts, the parameters the filters.
        ...(password === undefined
          ? { dataFingerprint: built.model.data.fingerprint }
          : {}),
        version: VERSION,
        onlyIndex: password !== undefined,
      });
      url = result.url ?? null;
      superseded = result.madeCurrent ? null : result.newer ?? null;
    } catch (error) {
      throw new CliError((error as Error).message, 1);
    }
    console.error(
      stageLine("publish", performance.now() - started),
    );
  }
  // The last line says what happened to the run: published and current,
  // or published but behind a newer run (`newer`).
  console.log(
    JSON.stringify({
      runId: built.runId,
      dir,
      url,
      ...(superseded ? { madeCurrent: false, newer: superseded } : {}),
      ...(pdf ? { pdf: printed ? `${dir}/index.pdf` : null } : {}),
    }),
  );
  // A PDF asked for and not printed fails the run, once everything else
  // (the page, the publishing) is done: see docs/report.md.
  if (pdf?.missing) {
    log(`warning: ${pdf.missing}`);
    return 1;
  }
  return 0;
}

/** The publishing code, with the AWS SDK it needs: loaded on first use. */
function publishing(): Promise<typeof import("./publish_with_flags.ts")> {
  return import("./publish_with_flags.ts");
}

if (import.meta.main) await runMain(report);
