import { escapeHtml, type Html, unsafeRawHtml } from "./html.ts";

/** Options for {@linkcode chartMarkup}. */
export interface ChartMarkupOptions {
  /**
   * The heading level of the chart's title in the page (Plot writes it as
   * an `<h2>`, a subtitle as an `<h3>`). Default 3, for a chart inside a
   * section headed by an `<h2>`.
   */
  headingLevel?: 2 | 3 | 4 | 5;
}

const VOID = new Set([
  "area",
  "base",
  "br",
  "col",
  "embed",
  "hr",
  "img",
  "input",
  "link",
  "meta",
  "source",
  "track",
  "wbr",
]);

/**
 * Serialises a rendered chart (a Plot figure or SVG element) as HTML with
 * every text and attribute value escaped. linkedom's `outerHTML` leaves
 * `&`, `<` and `>` raw in attribute values, so that a store named
 * `<script>` would stand as it is in a chart's `aria-description`; this
 * works the same on linkedom's nodes and in a browser. The title's heading
 * level is set to fit the chart's place in the page. The chart's own
 * stylesheet (Plot's CSS, never data) is kept as it is.
 *
 * @example
 * ```ts
 * import { parseHTML } from "linkedom";
 * import { chartMarkup } from "./chart_markup.ts";
 * const { document } = parseHTML("<!DOCTYPE html><html><body></body></html>");
 * const figure = document.createElement("figure");
 * figure.innerHTML = "<h2>Sales</h2><svg></svg>";
 * figure.querySelector("svg")!.setAttribute("aria-label", "<script>alert(1)</script> & co");
 * const out = chartMarkup(figure as unknown as Element).markup;
 * if (out !== '<figure><h3>Sales</h3><svg aria-label="&lt;script&gt;alert(1)&lt;/script&gt; &amp; co"></svg></figure>') {
 *   throw new Error(out);
 * }
 * ```
 */
export function chartMarkup(
  element: Element,
  options: ChartMarkupOptions = {},
): Html {
  const level = options.headingLevel ?? 3;
  const rename = (name: string) =>
    name === "h2" ? `h${level}` : name === "h3" ? `h${level + 1}` : name;
  const out: string[] = [];
  const visit = (node: Node, rawText: boolean) => {
    if (node.nodeType === 3) {
      const text = node.nodeValue ?? "";
      out.push(rawText ? text.replaceAll("</", "<\\/") : escapeHtml(text));
      return;
    }
    if (node.nodeType !== 1) return;
    const element = node as Element;
    const name = rename(element.localName);
    out.push(`<${name}`);
    for (const attribute of Array.from(element.attributes)) {
      out.push(` ${attribute.name}="${escapeHtml(attribute.value)}"`);
    }
    out.push(">");
    if (VOID.has(name)) return;
    const raw = name === "style" || name === "script";
    for (const child of Array.from(element.childNodes)) visit(child, raw);
    out.push(`</${name}>`);
  };
  visit(element, false);
  return unsafeRawHtml(out.join(""));
}
