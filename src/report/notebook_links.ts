import { html } from "./html.ts";

/**
 * A notebook's title from its page's file name.
 *
 * @example
 * ```ts
 * import { notebookTitle } from "./notebook_links.ts";
 * const title = notebookTitle("01_sales_analysis.html");
 * if (title !== "01 Sales analysis") throw new Error(title);
 * ```
 */
export function notebookTitle(file: string): string {
  const words = file.replace(/\.html$/, "").split("_");
  const [first, ...rest] = /^\d+$/.test(words[0]) ? words : ["", ...words];
  const text = rest.join(" ");
  return `${first} ${text.charAt(0).toUpperCase()}${text.slice(1)}`.trim();
}

const NAV_METHODS = '<li><a href="#methods">Methods</a></li>';
const SECTION_METHODS = '<section id="methods"';

/**
 * The report page with links to the executed notebooks that came with the
 * run (`report --notebooks DIR`, in the run's `notebooks/` folder): a
 * "Notebooks" section before Methods, and its entry in the sections' nav.
 */
export function withNotebookLinks(
  page: string,
  files: readonly string[],
): string {
  if (!page.includes(NAV_METHODS) || !page.includes(SECTION_METHODS)) {
    throw new Error(
      "Cannot link the notebooks from the page: it has no Methods section",
    );
  }
  const names = [...files].sort();
  const section = html`
    <section id="notebooks" aria-labelledby="h-notebooks">
      <h2 id="h-notebooks">Notebooks</h2>
      <p>The analysis step by step, as run for this report (each opens as a page of its own):</p>
      <ul class="notebooks">${names.map((name) =>
        html`<li><a href="notebooks/${name}">${notebookTitle(name)}</a></li>`
      )}</ul>
    </section>
  `.markup;
  return page
    .replace(
      NAV_METHODS,
      `<li><a href="#notebooks">Notebooks</a></li>${NAV_METHODS}`,
    )
    .replace(SECTION_METHODS, `${section}${SECTION_METHODS}`);
}
