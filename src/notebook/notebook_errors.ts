/** A failed cell of an executed notebook. */
export interface NotebookError {
  /** The cell's position in the notebook, 1 = the first (markdown cells count). */
  cell: number;
  /** The cell's first line of code after its imports and comments. */
  code: string;
  /** The error's class, such as "TypeError". */
  name: string;
  message: string;
}

/** The part of the notebook format (nbformat 4) read here. */
export interface NotebookJson {
  cells: {
    cell_type: string;
    source: string | string[];
    outputs?: { output_type: string; ename?: string; evalue?: string }[];
  }[];
}

/**
 * The cells of an executed notebook that ended in an error, in order: the
 * error outputs Jupyter records when it runs a notebook with errors allowed.
 *
 * @example
 * ```ts
 * import { notebookErrors } from "./notebook_errors.ts";
 * const [error] = notebookErrors({ cells: [
 *   { cell_type: "markdown", source: "# Sales" },
 *   { cell_type: "code", source: ["const x = f();\n", "x"], outputs: [
 *     { output_type: "error", ename: "ReferenceError", evalue: "f is not defined" },
 *   ] },
 * ] });
 * if (error.cell !== 2 || error.code !== "const x = f();" || error.name !== "ReferenceError") throw new Error();
 * ```
 */
export function notebookErrors(notebook: NotebookJson): NotebookError[] {
  const errors: NotebookError[] = [];
  notebook.cells.forEach((cell, i) => {
    for (const output of cell.outputs ?? []) {
      if (output.output_type !== "error") continue;
      const source = Array.isArray(cell.source)
        ? cell.source.join("")
        : cell.source;
      errors.push({
        cell: i + 1,
        code: firstLine(source),
        name: output.ename ?? "Error",
        message: output.evalue ?? "",
      });
    }
  });
  return errors;
}

const IMPORTS = /^\s*import\b[\s\S]*?\bfrom\s*["'][^"']*["'];?[ \t]*$/gm;

/** A cell's first line of code, after its imports and comments. */
function firstLine(source: string): string {
  const lines = (text: string) =>
    text.split("\n").map((line) => line.trim()).filter((line) =>
      line !== "" && !line.startsWith("//")
    );
  return lines(source.replace(IMPORTS, ""))[0] ?? lines(source)[0] ?? "";
}
