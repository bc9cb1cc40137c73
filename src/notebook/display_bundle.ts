// deno-fmt-ignore-file -- deno fmt would re-indent the markup inside the html templates
import { DataFrame, NDframe } from "danfojs";
import { Html, html } from "../report/html.ts";
import type { FrameViewOptions } from "./frame_cells.ts";
import { frameHtml } from "./frame_html.ts";
import { frameText } from "./frame_text.ts";

/** A Jupyter MIME bundle: the same output in several formats, keyed by MIME type. */
export type MimeBundle = Record<string, unknown>;

/** Options for {@linkcode displayBundle}. */
export type DisplayOptions = FrameViewOptions;

/**
 * How a notebook shows a value, as a MIME bundle the Jupyter front end
 * picks from: a danfojs DataFrame or Series as an HTML table (and aligned
 * text); a chart (any DOM element, such as a Plot figure) or {@linkcode Html}
 * as HTML; a plain object as a two-column table and as JSON
 * (`application/json`, which tools reading the executed notebook can parse);
 * anything else as text.
 *
 * @example
 * ```ts
 * import { displayBundle } from "./display_bundle.ts";
 * const bundle = displayBundle({ seed: 1, k: undefined });
 * if (JSON.stringify(bundle["application/json"]) !== '{"seed":1}') throw new Error();
 * if (!String(bundle["text/html"]).includes("<th>k</th><td>(not set)</td>")) throw new Error();
 * ```
 */
export function displayBundle(
  value: unknown,
  options: DisplayOptions = {},
): MimeBundle {
  // Frames that danfojs operations return are instances of its base classes,
  // not of the DataFrame and Series it exports: test for their common base.
  if (value instanceof NDframe && value.$isSeries) {
    const frame = new DataFrame(
      { [String(value.columns[0] ?? "value")]: value.values },
      { index: value.index },
    );
    return displayBundle(frame, options);
  }
  if (value instanceof NDframe) {
    const frame = value as DataFrame;
    return {
      "text/html": frameHtml(frame, options).markup,
      "text/plain": frameText(frame, options),
    };
  }
  if (value instanceof Html) return { "text/html": value.markup, "text/plain": "HTML" };
  if (isElement(value)) {
    return { "text/html": value.outerHTML, "text/plain": `<${value.tagName.toLowerCase()}> element` };
  }
  if (value instanceof Error) return { "text/plain": `${value.name}: ${value.message}` };
  if (value !== null && typeof value === "object") {
    const json = JSON.parse(
      JSON.stringify(value, (_, v) => typeof v === "bigint" ? String(v) : v),
    );
    return {
      "application/json": json,
      "text/html": Array.isArray(value)
        ? html`<pre>${JSON.stringify(json, null, 2)}</pre>`.markup
        : keyValueTable(value as Record<string, unknown>).markup,
      "text/plain": JSON.stringify(json, null, 2),
    };
  }
  return { "text/plain": String(value) };
}

function isElement(value: unknown): value is Element {
  return typeof value === "object" && value !== null &&
    (value as Element).nodeType === 1 &&
    typeof (value as Element).outerHTML === "string";
}

function keyValueTable(object: Record<string, unknown>): Html {
  const text = (value: unknown) =>
    value === undefined
      ? "(not set)"
      : typeof value === "string"
      ? value
      : JSON.stringify(value, (_, v) => typeof v === "bigint" ? String(v) : v);
  return html`<table class="dataframe"><tbody>${
    Object.entries(object).map(([key, value]) => html`<tr><th>${key}</th><td>${text(value)}</td></tr>`)
  }</tbody></table>`;
}
