/**
 * How `report` writes a built run, and what it reads and writes besides:
 * the executed notebooks it includes and a locked run's files in clear.
 *
 * @module
 */
import { SEGMENTS_FILE } from "../figures/segments/segment_snapshot.ts";
import type { BuiltReport } from "../pipeline/build_report.ts";
import { discardSegments } from "../pipeline/run_scratch.ts";
import { stageLine } from "../pipeline/stage_timer.ts";
import {
  type RunFile,
  type RunFiles,
  writeRun,
  writeRunFile,
} from "../pipeline/write_run.ts";
import { lockRun } from "../pipeline/lock_run.ts";
import { withNotebookLinks } from "../report/notebook_links.ts";
import type { ProgressTicker } from "./progress_ticker.ts";
import {
  type PdfStep,
  type PrintedReport,
  reportWrittenLines,
} from "./report_pdf.ts";
import { dirname, join, resolve, sep } from "node:path";
import { CliError } from "../model/cli_error.ts";

/** How `report` writes a built run. */
export interface WriteReportSettings {
  /** The reports folder (`--out`). */
  out: string;
  /** The executed notebooks' pages, by file name (none for a locked run). */
  notebooks: ReadonlyMap<string, string>;
  /** The run's password: the page is locked with it. */
  password: string | undefined;
  /** `--clear-files`: where a locked run's files go in clear. */
  clearFiles: string | undefined;
  rememberDays: number | undefined;
  pdf: PdfStep | null;
  ticker: ProgressTicker;
  log(line: string): void;
}

/**
 * Writes a built run to `<out>/<runId>/` (and `latest/`, see writeRun):
 * its files, with the notebooks' pages linked from the page, locked when
 * there is a password, with index.pdf when asked for. Its segments.json is
 * copied from the build's scratch file, which is removed whatever happens.
 * Returns the run's folder and the PDF printed.
 */
export async function writeReportRun(
  built: BuiltReport,
  settings: WriteReportSettings,
): Promise<{ dir: string; printed: PrintedReport | null }> {
  const { password, notebooks, ticker, log } = settings;
  try {
    const files = new Map<string, RunFile>(built.files);
    for (const [name, page] of notebooks) files.set(`notebooks/${name}`, page);
    if (built.segments !== null) {
      files.set(SEGMENTS_FILE, { path: built.segments });
    }
    let index = built.files.get("index.html")!;
    if (notebooks.size) index = withNotebookLinks(index, [...notebooks.keys()]);
    files.delete("index.html");
    if (password !== undefined) {
      // A locked run writes nothing in clear: report.json, the CSVs and the
      // rejected rows go inside the encrypted page, whose unlocked view
      // offers them, and segments.json beside it encrypted
      // (segments.json.enc); only a folder asked for with --clear-files gets
      // them in clear.
      const started = performance.now();
      if (settings.clearFiles !== undefined) {
        await writeClearFiles(settings.clearFiles, settings.out, files);
      }
      files.set("index.html", index);
      const locked = await lockRun(files, {
        password,
        runId: built.runId,
        ...(settings.rememberDays === undefined
          ? {}
          : { rememberDays: settings.rememberDays }),
      });
      index = locked.page;
      files.clear();
      for (const [name, content] of locked.beside) files.set(name, content);
      log(stageLine("encrypt", performance.now() - started));
    }
    files.set("index.html", index);
    const printed = settings.pdf
      ? await settings.pdf.print(
        new Map([["index.html", index]]),
        ticker.stageRunning,
      )
      : null;
    ticker.stop();
    const started = performance.now();
    if (printed) files.set("index.pdf", printed.pdf);
    const dir = await writeRun(settings.out, built.runId, files);
    log(stageLine("write", performance.now() - started));
    for (const line of reportWrittenLines(dir, index, printed)) log(line);
    return { dir, printed };
  } finally {
    ticker.stop();
    await discardSegments(built.segments);
  }
}

/**
 * Writes a locked run's files in clear (report.json, the CSVs, the rejected
 * rows) to `dir`, which must lie outside the reports folder, so that no
 * publish and no copy of the run folder takes them along.
 */
export async function writeClearFiles(
  dir: string,
  out: string,
  files: RunFiles,
): Promise<void> {
  const full = resolve(dir);
  const reports = resolve(out);
  if (full === reports || full.startsWith(`${reports}${sep}`)) {
    throw new CliError(
      `Cannot write --clear-files ${
        JSON.stringify(dir)
      }: it is inside the reports folder ${
        JSON.stringify(out)
      }; choose a folder outside it`,
    );
  }
  await Deno.mkdir(full, { recursive: true });
  for (const [name, content] of files) {
    await Deno.mkdir(dirname(join(full, name)), { recursive: true });
    await writeRunFile(join(full, name), content);
  }
  console.error(
    `warning: wrote ${files.size} files in clear to ${dir}: they hold the report's data unencrypted; keep them off any web server`,
  );
}

/** Reads the executed notebooks' HTML pages in a folder, by file name. */
export async function readNotebooks(dir: string): Promise<Map<string, string>> {
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
