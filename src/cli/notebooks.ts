import { parseArgs } from "node:util";
import { resolve } from "node:path";
import { ensureNotebookKernel } from "../notebook/notebook_kernel.ts";
import { type NotebookRun, runNotebook } from "../notebook/run_notebook.ts";
import {
  NOTEBOOK_ENV,
  notebookParameters,
} from "../notebook/notebook_parameters.ts";
import { CliError } from "./cli_error.ts";
import { runMain } from "./run_main.ts";

const NOTEBOOKS = new URL("../../notebooks/", import.meta.url).pathname;

const HELP = `Usage: deno task notebooks [options] [NOTEBOOK...]

Runs the notebooks in notebooks/ (or those named: a path, or the start of a
name such as 01 or 02_customer_segments) headlessly with the Deno Jupyter
kernel, and writes each executed notebook (.ipynb) and a standalone HTML page
of it to reports/notebooks/. Fails, naming the notebook and the cell, when a
cell fails. Progress goes to stderr; the last line on stdout is JSON:
{"dir", "notebooks": [{"name", "ipynb", "html", "seconds", "errors"}]}.

Parameters (each sets the environment variable the notebooks read; without
the flag, the variable keeps its value from the environment):
  --data PATH            ${NOTEBOOK_ENV.data}: a folder or a sales CSV (see docs/data.md);
                         default: the built-in simulated retail chain
  --map FIELD=COLUMN     ${NOTEBOOK_ENV.map}: map a CSV column to a field (repeat)
  --date-format ORDER    ${NOTEBOOK_ENV.dateFormat}: dmy or mdy, for ambiguous nn/nn/yyyy dates
  --on-bad-rows MODE     ${NOTEBOOK_ENV.onBadRows}: fail (default) or skip
  --seed N               ${NOTEBOOK_ENV.seed}: seed of the simulator and the clustering (default 1)
  --as-of DATE           ${NOTEBOOK_ENV.asOf}: analysis date, YYYY-MM-DD (default: the day
                         after the last sale)
  --k N                  ${NOTEBOOK_ENV.k}: number of customer clusters (default: chosen by silhouette)

Running:
  --out DIR              where the results go (default: reports/notebooks)
  --timeout SECONDS      longest a cell may run (default 600)
  --install-kernel       only register the Deno kernel "Deno (Basket)" for JupyterLab
                         and VS Code (see docs/notebooks.md)
  --help                 show this help
  --debug                print the stack of an error

Needs Jupyter's nbconvert (Debian: apt-get install jupyter-nbconvert python3-nbclient).`;

const OPTIONS = {
  data: { type: "string" },
  map: { type: "string", multiple: true },
  "date-format": { type: "string" },
  "on-bad-rows": { type: "string" },
  seed: { type: "string" },
  "as-of": { type: "string" },
  k: { type: "string" },
  out: { type: "string" },
  timeout: { type: "string" },
  "install-kernel": { type: "boolean" },
  help: { type: "boolean" },
} as const;

/** `deno task notebooks`. */
export async function notebooks(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      options: OPTIONS,
      strict: true,
      allowPositionals: true,
    });
  } catch (error) {
    throw new CliError(`${(error as Error).message}; see --help`);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  const env = parameterEnv(values);
  try {
    notebookParameters({
      data: env[NOTEBOOK_ENV.data],
      map: env[NOTEBOOK_ENV.map],
      dateFormat: env[NOTEBOOK_ENV.dateFormat],
      onBadRows: env[NOTEBOOK_ENV.onBadRows],
      asOf: env[NOTEBOOK_ENV.asOf],
      seed: env[NOTEBOOK_ENV.seed],
      k: env[NOTEBOOK_ENV.k],
    });
  } catch (error) {
    throw new CliError((error as Error).message);
  }
  const timeout = values.timeout === undefined ? 600 : Number(values.timeout);
  if (!Number.isInteger(timeout) || timeout < 1) {
    throw new CliError(
      `Cannot read --timeout ${
        JSON.stringify(values.timeout)
      }: expected a whole number of seconds, 1 or more`,
    );
  }
  const selected = values["install-kernel"]
    ? []
    : await findNotebooks(positionals);
  let kernel;
  try {
    kernel = await ensureNotebookKernel();
  } catch (error) {
    throw new CliError((error as Error).message, 1);
  }
  if (kernel.written || values["install-kernel"]) {
    console.error(
      `Registered the Jupyter kernel "${kernel.name}" ("Deno (Basket)") in ${kernel.dir}`,
    );
  }
  if (values["install-kernel"]) return 0;
  const out = resolve(values.out ?? "reports/notebooks");
  const runs: NotebookRun[] = [];
  for (const notebook of selected) {
    let run: NotebookRun;
    try {
      run = await runNotebook({
        notebook,
        outDir: out,
        kernel: kernel.name,
        timeoutSeconds: timeout,
        env,
      });
    } catch (error) {
      throw new CliError((error as Error).message, 1);
    }
    runs.push(run);
    console.error(
      `${run.name.padEnd(24)} ${run.seconds.toFixed(1).padStart(6)} s${
        run.errors.length ? `  ${run.errors.length} failed cell(s)` : ""
      }`,
    );
  }
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
 * The notebooks' environment: the BASKET_ variables from the flags, else
 * from this process's environment. A relative data path is made absolute,
 * as the kernel runs in the notebook's folder.
 */
function parameterEnv(values: {
  data?: string;
  map?: string[];
  "date-format"?: string;
  "on-bad-rows"?: string;
  seed?: string;
  "as-of"?: string;
  k?: string;
}): Record<string, string> {
  const env: Record<string, string> = {};
  const set = (name: string, flag: string | undefined) => {
    const value = flag ?? Deno.env.get(name);
    if (value !== undefined) env[name] = value;
  };
  set(NOTEBOOK_ENV.data, values.data);
  set(NOTEBOOK_ENV.map, values.map?.length ? values.map.join(";") : undefined);
  set(NOTEBOOK_ENV.dateFormat, values["date-format"]);
  set(NOTEBOOK_ENV.onBadRows, values["on-bad-rows"]);
  set(NOTEBOOK_ENV.seed, values.seed);
  set(NOTEBOOK_ENV.asOf, values["as-of"]);
  set(NOTEBOOK_ENV.k, values.k);
  const data = env[NOTEBOOK_ENV.data];
  if (data?.trim()) env[NOTEBOOK_ENV.data] = resolve(data.trim());
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
