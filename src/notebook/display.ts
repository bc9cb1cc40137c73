import { displayBundle, type DisplayOptions } from "./display_bundle.ts";

/** The part of `Deno.jupyter` used here. */
interface JupyterKernel {
  display(
    bundle: Record<string, unknown>,
    options: { raw: true },
  ): Promise<void>;
}

/**
 * Shows a value in the notebook's output through the Deno kernel's rich
 * display protocol (`Deno.jupyter.display`): a danfojs DataFrame as an HTML
 * table, a chart as its SVG, a plain object as a table (see
 * {@linkcode displayBundle}). Outside a Jupyter kernel it does nothing, so
 * that code written for a notebook also runs as a script.
 *
 * @example
 * ```ts
 * import { display } from "./display.ts";
 * await display({ note: "shown in a notebook, silent here" });
 * ```
 */
export async function display(
  value: unknown,
  options: DisplayOptions = {},
): Promise<void> {
  const kernel = jupyterKernel();
  if (kernel) {
    await kernel.display(displayBundle(value, options), { raw: true });
  }
}

/** `Deno.jupyter` inside a kernel; null elsewhere, where reading it throws. */
function jupyterKernel(): JupyterKernel | null {
  try {
    return (Deno as unknown as { jupyter?: JupyterKernel }).jupyter ?? null;
  } catch {
    return null;
  }
}
