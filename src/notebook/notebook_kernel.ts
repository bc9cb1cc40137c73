import { runTool } from "./run_tool.ts";

/** The Jupyter kernel the notebooks name, and `deno task notebooks` runs them with. */
export const NOTEBOOK_KERNEL = "basket-deno";

/** Its display name in JupyterLab and VS Code (and in the notebooks' metadata). */
export const NOTEBOOK_KERNEL_DISPLAY_NAME = "Deno (Basket)";

/**
 * How the registered kernel starts Deno: through npx, from the folder of the
 * notebook it runs, so that it is the Deno of whichever clone holds the
 * notebook (its node_modules, as `npm ci` installed it), else Deno on the
 * PATH; never a path into one clone's folder. `--no`: npx installs nothing.
 */
export const REGISTERED_DENO = ["npx", "--no", "--", "deno"] as const;

/** A Jupyter kernelspec (`kernel.json`). */
export interface KernelSpec {
  argv: string[];
  display_name: string;
  language: string;
  env: Record<string, string>;
}

/**
 * The kernelspec of the Deno kernel that runs Basket's notebooks: Deno's own
 * kernel (`deno jupyter --kernel`, Deno started by `deno`, a command line),
 * started in the notebook's folder, so that it finds the project's
 * deno.json and its pinned imports, with the V8 flag every process that
 * uses DuckDB runs with (through DENO_V8_FLAGS, as `deno jupyter` takes no
 * --v8-flags).
 *
 * @example
 * ```ts
 * import { notebookKernelSpec } from "./notebook_kernel.ts";
 * const spec = notebookKernelSpec(["/usr/bin/deno"]);
 * if (spec.argv.join(" ") !== "/usr/bin/deno jupyter --kernel --conn {connection_file}") throw new Error();
 * ```
 */
export function notebookKernelSpec(deno: readonly string[]): KernelSpec {
  return {
    argv: [...deno, "jupyter", "--kernel", "--conn", "{connection_file}"],
    display_name: NOTEBOOK_KERNEL_DISPLAY_NAME,
    language: "typescript",
    env: { DENO_V8_FLAGS: "--expose-gc" },
  };
}

/** Where a kernelspec was registered, and whether it was (re)written now. */
export interface RegisteredKernel {
  name: string;
  /** The kernelspec's folder. */
  dir: string;
  written: boolean;
}

/**
 * Registers the notebooks' kernel in the user's Jupyter data folder
 * (`jupyter --data-dir`, which follows JUPYTER_DATA_DIR), unless the same
 * kernelspec is there already. JupyterLab and VS Code then open the
 * notebooks, which name it, with it ("Deno (Basket)"). Only
 * `notebooks --install-kernel` calls it: running the notebooks registers
 * nothing (see temporaryNotebookKernel).
 */
export async function ensureNotebookKernel(
  deno: readonly string[] = REGISTERED_DENO,
): Promise<RegisteredKernel> {
  const dataDir = (await runTool("jupyter", ["--data-dir"], {
    what: "find Jupyter's data folder",
  })).stdout.trim();
  const dir = `${dataDir}/kernels/${NOTEBOOK_KERNEL}`;
  const text = JSON.stringify(notebookKernelSpec(deno), null, 2) + "\n";
  let current: string | null = null;
  try {
    current = await Deno.readTextFile(`${dir}/kernel.json`);
  } catch (error) {
    if (!(error instanceof Deno.errors.NotFound)) throw error;
  }
  if (current === text) return { name: NOTEBOOK_KERNEL, dir, written: false };
  await Deno.mkdir(dir, { recursive: true });
  await Deno.writeTextFile(`${dir}/kernel.json`, text);
  return { name: NOTEBOOK_KERNEL, dir, written: true };
}

/** A kernelspec for one run of the notebooks, in a folder of its own. */
export interface TemporaryKernel {
  name: string;
  /** The folder to put first on JUPYTER_PATH for the run. */
  jupyterPath: string;
  /** Removes the folder. */
  remove(): Promise<void>;
}

/**
 * The notebooks' kernel for one run of `deno task notebooks`, written to a
 * temporary folder that the run puts first on JUPYTER_PATH, with the Deno
 * running now: the user's Jupyter data folder is left alone.
 */
export async function temporaryNotebookKernel(
  denoPath: string = Deno.execPath(),
): Promise<TemporaryKernel> {
  const jupyterPath = await Deno.makeTempDir({ prefix: "basket-kernel-" });
  const dir = `${jupyterPath}/kernels/${NOTEBOOK_KERNEL}`;
  await Deno.mkdir(dir, { recursive: true });
  await Deno.writeTextFile(
    `${dir}/kernel.json`,
    JSON.stringify(notebookKernelSpec([denoPath]), null, 2) + "\n",
  );
  return {
    name: NOTEBOOK_KERNEL,
    jupyterPath,
    remove: () => Deno.remove(jupyterPath, { recursive: true }),
  };
}
