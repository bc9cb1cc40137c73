import { resolve } from "node:path";
import {
  ensureNotebookKernel,
  NOTEBOOK_KERNEL_DISPLAY_NAME,
  temporaryNotebookKernel,
} from "../notebook/notebook_kernel.ts";
import { type NotebookRun, runNotebook } from "../notebook/run_notebook.ts";
import { NOTEBOOK_ENV } from "../notebook/notebook_parameters.ts";
import { CliError } from "../model/cli_error.ts";
import {
  CONFIG_OPTION,
  K_OPTION,
  NOTEBOOK_DATA_OPTIONS,
} from "./data_options.ts";
import { runMain } from "./run_main.ts";
import { loadSettings } from "./settings_file.ts";
import type { CommandSpec } from "./spine/option_spec.ts";
import { readCommandLine } from "./spine/read_command_line.ts";
import { wholeNumber } from "./spine/validators.ts";

const NOTEBOOKS = new URL("../../notebooks/", import.meta.url).pathname;

const OPTIONS = [
  ...NOTEBOOK_DATA_OPTIONS,
  { ...K_OPTION, section: "Data" },
  CONFIG_OPTION,
  {
    name: "out",
    kind: "string",
    value: "DIR",
    section: "Running",
    help: "where the results go",
    default: "reports/notebooks",
  },
  {
    name: "timeout",
    kind: "string",
    value: "SECONDS",
    section: "Running",
    help: "longest a cell may run",
    default: 600,
    parse: wholeNumber({ min: 1, unit: "seconds" }),
  },
  {
    name: "install-kernel",
    kind: "boolean",
    section: "Running",
    help:
      'register the Deno kernel "Deno (Basket)" that the notebooks name,\nfor JupyterLab and VS Code, and run nothing (running the\nnotebooks registers no kernel; see docs/notebooks.md)',
  },
] as const;

/** `deno task notebooks`, declared once. */
export const NOTEBOOKS_SPEC: CommandSpec = {
  name: "notebooks",
  usage: ["[options] [NOTEBOOK...]"],
  description:
    `Runs the notebooks in notebooks/ (or those named: a path, or the start of a
name such as 01 or 02_customer_segments) headlessly with the Deno Jupyter
kernel, and writes each executed notebook (.ipynb) and a standalone HTML page
of it to reports/notebooks/. Fails, naming the notebook and the cell, when a
cell fails. Progress goes to stderr; the last line on stdout is JSON:
{"dir", "notebooks": [{"name", "ipynb", "html", "seconds", "errors"}]}.
The data settings reach the notebooks as the BASKET_* variables they read.`,
  options: OPTIONS,
  positionals: true,
  epilogue:
    "Needs Jupyter's nbconvert (Debian: apt-get install jupyter-nbconvert python3-nbclient).",
};

/** `deno task notebooks`. */
export async function notebooks(args: string[]): Promise<number> {
  const parsed = readCommandLine(NOTEBOOKS_SPEC, args);
  if (!parsed) return 0;
  const { positionals } = parsed;
  const values = await loadSettings(OPTIONS, parsed.flags);
  const env = parameterEnv(values);
  const timeout = values.timeout;
  const selected = values["install-kernel"]
    ? []
    : await findNotebooks(positionals);
  if (values["install-kernel"]) {
    let kernel;
    try {
      kernel = await ensureNotebookKernel();
    } catch (error) {
      throw new CliError((error as Error).message, 1);
    }
    console.error(
      `Registered the Jupyter kernel "${kernel.name}" ("${NOTEBOOK_KERNEL_DISPLAY_NAME}") in ${kernel.dir}`,
    );
    return 0;
  }
  const out = resolve(values.out ?? "reports/notebooks");
  const runs: NotebookRun[] = [];
  // The run's own kernelspec, first on JUPYTER_PATH: running the notebooks
  // registers no kernel.
  const kernel = await temporaryNotebookKernel();
  const jupyterPath = [kernel.jupyterPath, Deno.env.get("JUPYTER_PATH")]
    .filter(Boolean).join(":");
  for (const notebook of selected) {
    let run: NotebookRun;
    try {
      run = await runNotebook({
        notebook,
        outDir: out,
        kernel: kernel.name,
        timeoutSeconds: timeout,
        env: { ...env, JUPYTER_PATH: jupyterPath },
      });
    } catch (error) {
      await kernel.remove();
      throw new CliError((error as Error).message, 1);
    }
    runs.push(run);
    console.error(
      `${run.name.padEnd(24)} ${run.seconds.toFixed(1).padStart(6)} s${
        run.errors.length ? `  ${run.errors.length} failed cell(s)` : ""
      }`,
    );
  }
  await kernel.remove();
  console.log(JSON.stringify({
    dir: out,
    notebooks: runs.map((run) => ({
      name: run.name,
      ipynb: run.ipynb,
      html: run.html,
      seconds: Number(run.seconds.toFixed(1)),
      errors: run.errors.length,
    })),
  }));
  const failed = runs.filter((run) => run.errors.length);
  if (failed.length) {
    throw new CliError(
      failed.map((run) => {
        const [first] = run.errors;
        return `Cannot run notebook "${run.name}.ipynb": cell ${first.cell} (${
          JSON.stringify(first.code)
        }) failed: ${first.name}: ${first.message}${
          run.errors.length > 1 ? ` (and ${run.errors.length - 1} more)` : ""
        }; see ${run.html}`;
      }).join("\nerror: "),
      1,
    );
  }
  return 0;
}

/**
 * The notebooks' environment: the BASKET_ variables from the settings. A
 * relative data path is made absolute, as the kernel runs in the notebook's
 * folder.
 */
function parameterEnv(values: {
  data: string | undefined;
  map: string[];
  "date-format": string | undefined;
  "on-bad-rows": string;
  encoding: string | undefined;
  seed: number;
  "as-of": string | undefined;
  k: number | undefined;
}): Record<string, string> {
  const env: Record<string, string> = {};
  const set = (name: string, value: string | number | undefined) => {
    if (value !== undefined) env[name] = String(value);
  };
  set(
    NOTEBOOK_ENV.data,
    values.data?.trim() ? resolve(values.data.trim()) : undefined,
  );
  set(NOTEBOOK_ENV.map, values.map.length ? values.map.join(";") : undefined);
  set(NOTEBOOK_ENV.dateFormat, values["date-format"]);
  set(NOTEBOOK_ENV.onBadRows, values["on-bad-rows"]);
  set(NOTEBOOK_ENV.encoding, values.encoding);
  set(NOTEBOOK_ENV.seed, values.seed);
  set(NOTEBOOK_ENV.asOf, values["as-of"]);
  set(NOTEBOOK_ENV.k, values.k);
  return env;
}

/** The notebooks to run: those named, else every notebook in notebooks/. */
async function findNotebooks(names: string[]): Promise<string[]> {
  const all: string[] = [];
  for await (const entry of Deno.readDir(NOTEBOOKS)) {
    if (entry.isFile && entry.name.endsWith(".ipynb")) {
      all.push(`${NOTEBOOKS}${entry.name}`);
    }
  }
  all.sort();
  if (!names.length) return all;
  const found: string[] = [];
  for (const name of names) {
    if (name.endsWith(".ipynb")) {
      try {
        if ((await Deno.stat(name)).isFile) {
          found.push(resolve(name));
          continue;
        }
      } catch {
        // Not a path: try it as a name below.
      }
    }
    const matches = all.filter((path) =>
      path.slice(NOTEBOOKS.length).startsWith(name.replace(/^notebooks\//, ""))
    );
    if (matches.length !== 1) {
      throw new CliError(
        `Cannot find notebook ${JSON.stringify(name)}: ${
          matches.length ? "several match" : "none matches"
        }; the notebooks are ${
          all.map((path) => path.slice(NOTEBOOKS.length)).join(", ")
        }`,
      );
    }
    found.push(matches[0]);
  }
  return found;
}

if (import.meta.main) await runMain(notebooks);
