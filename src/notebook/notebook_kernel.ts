import { runTool } from "./run_tool.ts";

/** The Jupyter kernel `deno task notebooks` registers and runs the notebooks with. */
export const NOTEBOOK_KERNEL = "basket-deno";

/** A Jupyter kernelspec (`kernel.json`). */
export interface KernelSpec {
  argv: string[];
  display_name: string;
  language: string;
  env: Record<string, string>;
}

/**
 * The kernelspec of the Deno kernel that runs Basket's notebooks: Deno's own
 * kernel (`deno jupyter --kernel`), started in the notebook's folder, so that
 * it finds the project's deno.json and its pinned imports, with the V8 flag
 * every process that uses DuckDB runs with (through DENO_V8_FLAGS, as
 * `deno jupyter` takes no --v8-flags).
 *
 * @example
 * ```ts
 * import { notebookKernelSpec } from "./notebook_kernel.ts";
 * const spec = notebookKernelSpec("/usr/bin/deno");
 * if (spec.argv.join(" ") !== "/usr/bin/deno jupyter --kernel --conn {connection_file}") throw new Error();
 * ```
 */
export function notebookKernelSpec(denoPath: string): KernelSpec {
  return {
    argv: [denoPath, "jupyter", "--kernel", "--conn", "{connection_file}"],
    display_name: "Deno (Basket)",
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
 * kernelspec is there already. JupyterLab and VS Code then offer it as
 * "Deno (Basket)".
 */
export async function ensureNotebookKernel(
  denoPath: string = Deno.execPath(),
): Promise<RegisteredKernel> {
  const dataDir = (await runTool("jupyter", ["--data-dir"], {
    what: "find Jupyter's data folder",
  })).stdout.trim();
  const dir = `${dataDir}/kernels/${NOTEBOOK_KERNEL}`;
  const text = JSON.stringify(notebookKernelSpec(denoPath), null, 2) + "\n";
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
