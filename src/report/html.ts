/** Markup that is already safe: escaped by {@linkcode html}, or let in on purpose by {@linkcode unsafeRawHtml}. */
export class Html {
  readonly markup: string;
  constructor(markup: string) {
    this.markup = markup;
  }
  toString(): string {
    return this.markup;
  }
}

/** A value {@linkcode html} can interpolate. */
export type HtmlValue =
  | Html
  | string
  | number
  | boolean
  | null
  | undefined
  | readonly HtmlValue[];

const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/**
 * Builds HTML from a template, escaping every interpolated value; arrays are
 * joined, `null`, `undefined` and `false` print nothing, and only
 * {@linkcode Html} values go in as they are.
 *
 * @example
 * ```ts
 * import { html } from "./html.ts";
 * const store = "<script>alert(1)</script>";
 * const out = html`<td>${store}</td>`.markup;
 * if (out !== "<td>&lt;script&gt;alert(1)&lt;/script&gt;</td>") throw new Error(out);
 * ```
 */
export function html(
  strings: TemplateStringsArray,
  ...values: HtmlValue[]
): Html {
  let out = strings[0];
  for (let i = 0; i < values.length; i++) {
    out += render(values[i]) + strings[i + 1];
  }
  return new Html(out);
}

function render(value: HtmlValue): string {
  if (value instanceof Html) return value.markup;
  if (Array.isArray(value)) return value.map(render).join("");
  if (value === null || value === undefined || value === false) return "";
  return escapeHtml(String(value));
}

/**
 * Lets markup in without escaping: a rendered chart's SVG, a bundled script.
 * The one way around escaping, so that every use can be found with grep.
 */
export function unsafeRawHtml(markup: string): Html {
  return new Html(markup);
}

/**
 * Serialises JSON for a `<script type="application/json">` element: `<`
 * is escaped so that no value can close the element.
 */
export function jsonForScript(value: unknown): Html {
  return new Html(
    JSON.stringify(value).replace(/</g, "\\u003c").replace(
      /\u2028|\u2029/g,
      (c) => c === "\u2028" ? "\\u2028" : "\\u2029",
    ),
  );
}
