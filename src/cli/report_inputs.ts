/**
 * What `report` reads and writes besides its run: the executed notebooks it
 * includes and a locked run's files in clear.
 *
 * @module
 */
import { dirname, join, resolve, sep } from "node:path";
import { CliError } from "../model/cli_error.ts";

/**
 * Writes a locked run's files in clear (report.json, the CSVs, the rejected
 * rows) to `dir`, which must lie outside the reports folder, so that no
 * publish and no copy of the run folder takes them along.
 */
export async function writeClearFiles(
  dir: string,
  out: string,
  files: ReadonlyMap<string, string>,
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
    await Deno.writeTextFile(join(full, name), content);
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
