import { displayBundle, type DisplayOptions } from "./display_bundle.ts";

/** The part of `Deno.jupyter` used here. */
interface JupyterKernel {
  display(
    bundle: Record<string, unknown>,
    options: { raw: true },
  ): Promise<void>;
}

/**
 * How long {@linkcode display} waits after each output, in milliseconds.
 *
 * Deno's kernel runs a cell on one thread and publishes its outputs from a
 * queue on another, while it reports the cell finished ("idle") directly. An
 * output can therefore reach Jupyter after the cell is reported finished:
 * an interactive front end still shows it, but a headless run (nbconvert)
 * has moved on and drops it, or files it under the next cell. Waiting a
 * little after each output lets the queue drain first; without the wait,
 * outputs went missing in about one headless run in two.
 */
export const DISPLAY_FLUSH_MS = 50;

/**
 * Shows a value in the notebook's output through the Deno kernel's rich
 * display protocol (`Deno.jupyter.display`): a danfojs DataFrame as an HTML
 * table, a chart as its SVG, a plain object as a table (see
 * {@linkcode displayBundle}). Outside a Jupyter kernel it does nothing, so
 * that code written for a notebook also runs as a script.
 *
 * Notebooks show everything through it, and do not rely on the value of a
 * cell's last expression, which Deno's kernel publishes from the same queue
 * without waiting (see {@linkcode DISPLAY_FLUSH_MS}).
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
  if (!kernel) return;
  await kernel.display(displayBundle(value, options), { raw: true });
  await new Promise((resolve) => setTimeout(resolve, DISPLAY_FLUSH_MS));
}

/** `Deno.jupyter` inside a kernel; null elsewhere, where reading it throws. */
function jupyterKernel(): JupyterKernel | null {
  try {
    return (Deno as unknown as { jupyter?: JupyterKernel }).jupyter ?? null;
  } catch {
    return null;
  }
}
