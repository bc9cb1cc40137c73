import { type NotebookError, notebookErrors } from "./notebook_errors.ts";
import { lastLine, runTool } from "./run_tool.ts";

/** Options for {@linkcode runNotebook}. */
export interface RunNotebookOptions {
  /** The notebook to run (`.ipynb`). */
  notebook: string;
  /** Folder the executed notebook and its HTML page are written to. */
  outDir: string;
  /** The Jupyter kernel to run it with (see ensureNotebookKernel). */
  kernel: string;
  /** Longest a cell may run, in seconds. */
  timeoutSeconds: number;
  /** Environment variables for the kernel (the notebook's parameters), added to this process's. */
  env?: Record<string, string>;
}

/** An executed notebook. */
export interface NotebookRun {
  /** The notebook's file name without `.ipynb`. */
  name: string;
  /** The executed notebook, outputs included. */
  ipynb: string;
  /** A standalone HTML page of it. */
  html: string;
  /** The cells that failed; empty when every cell ran. */
  errors: NotebookError[];
  seconds: number;
}

const TEMPLATES = new URL("./nbconvert_templates/", import.meta.url).pathname;

/**
 * Runs every cell of a notebook headlessly with Jupyter's nbconvert, as in
 * a fresh kernel, and writes the executed notebook and an HTML page of it.
 * Cells run on after an error so that the written notebook shows
 * everything; the failed cells are listed in `errors`. Throws when the
 * notebook could not be run at all (no such kernel, a kernel that died, a
 * cell that ran past the timeout), with nbconvert's reason.
 *
 * The kernel's own exit status is not checked: nbconvert shuts the kernel
 * down after the last cell and ignores how it ends, so a crash while the
 * kernel exits cannot fail a run whose cells all succeeded.
 */
export async function runNotebook(
  options: RunNotebookOptions,
): Promise<NotebookRun> {
  const started = performance.now();
  const file = options.notebook.split("/").pop()!;
  const name = file.replace(/\.ipynb$/, "");
  const what = `run notebook ${JSON.stringify(options.notebook)}`;
  await Deno.mkdir(options.outDir, { recursive: true });
  const execution = await runTool("jupyter-nbconvert", [
    "--to",
    "notebook",
    "--execute",
    "--allow-errors",
    `--ExecutePreprocessor.kernel_name=${options.kernel}`,
    `--ExecutePreprocessor.timeout=${options.timeoutSeconds}`,
    "--ExecutePreprocessor.startup_timeout=120",
    "--output-dir",
    options.outDir,
    "--output",
    name,
    options.notebook,
  ], { what, env: options.env, allowFailure: true });
  if (execution.code !== 0) {
    throw new Error(
      `Cannot ${what}: ${failureReason(execution.stderr)}`,
    );
  }
  const ipynb = `${options.outDir}/${name}.ipynb`;
  const executed = JSON.parse(await Deno.readTextFile(ipynb));
  await runTool("jupyter-nbconvert", [
    "--to",
    "html",
    `--TemplateExporter.extra_template_basedirs=${TEMPLATES}`,
    "--template",
    "basket",
    "--output-dir",
    options.outDir,
    ipynb,
  ], { what: `write notebook ${JSON.stringify(ipynb)} as HTML` });
  return {
    name,
    ipynb,
    html: `${options.outDir}/${name}.html`,
    errors: notebookErrors(executed),
    seconds: (performance.now() - started) / 1000,
  };
}

/**
 * Why nbconvert could not run a notebook, from its error output: the
 * exception's message, and the first line of the cell it was running.
 */
export function failureReason(stderr: string): string {
  const lines = stderr.split("\n");
  // A Python traceback ends with "module.ExceptionClass: message".
  const exception = [...lines].reverse().find((line) =>
    /^[A-Za-z_][\w.]*: \S/.test(line)
  );
  const reason = (exception ?? lastLine(stderr)).trim()
    .replace(/^[\w.]*\.(?=\w+: )/, "");
  const marker = lines.findIndex((line) =>
    line.includes("while executing the following cell") ||
    line.includes("preview of the cell contents")
  );
  const cell = marker < 0
    ? undefined
    : lines.slice(marker + 1).find((line) =>
      line.trim() !== "" && !/^-+$/.test(line.trim())
    );
  return cell
    ? `${reason} (in the cell that begins ${JSON.stringify(cell.trim())})`
    : reason;
}
