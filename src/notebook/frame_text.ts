import type { DataFrame } from "danfojs";
import { frameCells, type FrameViewOptions } from "./frame_cells.ts";

/**
 * A DataFrame as plain text, aligned in columns: what a notebook shows where
 * HTML is not rendered.
 *
 * @example
 * ```ts
 * import { toDataFrame } from "./to_data_frame.ts";
 * import { frameText } from "./frame_text.ts";
 * const text = frameText(toDataFrame([{ store: "S1", sales: 1234.5 }, { store: "S22", sales: null }]));
 * if (text !== "   store    sales\n0  S1     1,234.5\n1  S22       null") throw new Error(text);
 * ```
 */
export function frameText(
  frame: DataFrame,
  options: FrameViewOptions = {},
): string {
  const view = frameCells(frame, options);
  const table: string[][] = [
    ["", ...view.columns],
    ...view.rows.map((row) => [
      row.index,
      ...row.cells.map((cell) => cell ?? "null"),
    ]),
  ];
  if (view.gapAt !== null) {
    table.splice(view.gapAt + 1, 0, ["…", ...view.columns.map(() => "…")]);
  }
  const widths = table[0].map((_, j) =>
    Math.max(...table.map((row) => row[j].length))
  );
  const right = [false, ...view.numeric];
  const lines = table.map((row) =>
    row.map((cell, j) =>
      right[j] ? cell.padStart(widths[j]) : cell.padEnd(widths[j])
    ).join("  ").trimEnd()
  );
  const [rows, columns] = view.shape;
  if (view.gapAt !== null || rows === 0) {
    lines.push(`[${rows} rows × ${columns} columns]`);
  }
  return lines.join("\n");
}
