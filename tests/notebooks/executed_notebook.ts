/** Reading the notebooks, committed or executed, in the notebook tests. */

/** The part of a notebook (nbformat 4) the tests read. */
export interface Notebook {
  metadata: {
    kernelspec?: { name: string; language: string; display_name?: string };
  };
  cells: Cell[];
}

/** A cell of a notebook. */
export interface Cell {
  cell_type: "code" | "markdown" | "raw";
  source: string | string[];
  metadata: { tags?: string[] };
  execution_count?: number | null;
  outputs?: Output[];
}

/** An output of an executed code cell. */
export interface Output {
  output_type: "stream" | "display_data" | "execute_result" | "error";
  name?: string;
  text?: string | string[];
  data?: Record<string, unknown>;
  ename?: string;
  evalue?: string;
}

/** The notebooks in notebooks/, by file name. */
export const NOTEBOOK_NAMES = [
  "00_your_data.ipynb",
  "01_sales_analysis.ipynb",
  "02_customer_segments.ipynb",
  "03_customer_value.ipynb",
];

/** Reads a notebook. */
export async function readNotebook(path: string | URL): Promise<Notebook> {
  return JSON.parse(await Deno.readTextFile(path));
}

/** A cell's source as one string. */
export function sourceOf(cell: Cell): string {
  return Array.isArray(cell.source) ? cell.source.join("") : cell.source;
}

/** The JSON a cell displayed (its `application/json` outputs), in order. */
export function jsonOutputs(cell: Cell): unknown[] {
  return (cell.outputs ?? []).flatMap((output) =>
    output.data && "application/json" in output.data
      ? [output.data["application/json"]]
      : []
  );
}

/** What the first code cell displayed: the parameters the notebook ran with. */
export function parametersShown(notebook: Notebook): Record<string, unknown> {
  const first = notebook.cells.find((cell) => cell.cell_type === "code")!;
  return jsonOutputs(first)[0] as Record<string, unknown>;
}

/** What the cell tagged "summary" displayed as JSON. */
export function summaryShown(notebook: Notebook): Record<string, unknown> {
  const cell = notebook.cells.find((c) => c.metadata.tags?.includes("summary"));
  if (!cell) throw new Error("The notebook has no cell tagged summary");
  return jsonOutputs(cell)[0] as Record<string, unknown>;
}

/**
 * What went wrong in an executed notebook: error outputs, output on stderr,
 * code cells that did not run, and cells that call display() but show
 * nothing (an output lost on its way).
 */
export function problems(notebook: Notebook): string[] {
  const found: string[] = [];
  notebook.cells.forEach((cell, i) => {
    if (cell.cell_type !== "code") return;
    if (typeof cell.execution_count !== "number") {
      found.push(`cell ${i + 1} did not run`);
    }
    if (sourceOf(cell).includes("display(") && !cell.outputs?.length) {
      found.push(`cell ${i + 1} showed nothing`);
    }
    for (const output of cell.outputs ?? []) {
      if (output.output_type === "error") {
        found.push(`cell ${i + 1}: ${output.ename}: ${output.evalue}`);
      }
      if (output.output_type === "stream" && output.name === "stderr") {
        const text = Array.isArray(output.text)
          ? output.text.join("")
          : output.text;
        found.push(`cell ${i + 1} wrote to stderr: ${text}`);
      }
    }
  });
  return found;
}
