// deno-fmt-ignore-file -- deno fmt would re-indent the markup inside the html templates
import type { DataFrame } from "danfojs";
import { type Html, html } from "../report/html.ts";
import { frameCells, type FrameViewOptions } from "./frame_cells.ts";

/**
 * A DataFrame as an HTML table, as a notebook shows it: the index first,
 * numbers right-aligned with thousands separators, missing values as a grey
 * "null", and a long frame cut to its first and last rows with its size
 * said below. Every value is escaped.
 *
 * @example
 * ```ts
 * import { toDataFrame } from "./to_data_frame.ts";
 * import { frameHtml } from "./frame_html.ts";
 * const table = frameHtml(toDataFrame([{ store: "<S1>", sales: 1234.5 }])).markup;
 * if (!table.includes("<td>&lt;S1&gt;</td>") || !table.includes(">1,234.5</td>")) throw new Error(table);
 * ```
 */
export function frameHtml(frame: DataFrame, options: FrameViewOptions = {}): Html {
  const view = frameCells(frame, options);
  const cell = (value: string | null, numeric: boolean) => {
    const style = numeric ? "text-align: right" : null;
    return value === null
      ? html`<td style="${numeric ? "text-align: right; " : ""}color: #888">null</td>`
      : style ? html`<td style="${style}">${value}</td>` : html`<td>${value}</td>`;
  };
  const gap = html`<tr><th>…</th>${view.columns.map((_, j) => cell("…", view.numeric[j]))}</tr>`;
  const body = view.rows.map((row, i) => html`${i === view.gapAt ? gap : ""}<tr><th>${row.index}</th>${
    row.cells.map((value, j) => cell(value, view.numeric[j]))
  }</tr>`);
  const [rows, columns] = view.shape;
  return html`<table class="dataframe"><thead><tr><th></th>${
    view.columns.map((name, j) => view.numeric[j] ? html`<th style="text-align: right">${name}</th>` : html`<th>${name}</th>`)
  }</tr></thead><tbody>${body}</tbody></table>${
    view.gapAt === null && rows > 0 ? "" : html`<p><small>${rows} rows × ${columns} columns</small></p>`
  }`;
}
