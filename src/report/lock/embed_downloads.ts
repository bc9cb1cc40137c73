import { html, jsonForScript, unsafeRawHtml } from "../html.ts";

/** The id of the element that holds the embedded downloads, as JSON. */
export const DOWNLOADS_ID = "basket-downloads";

/**
 * The script that turns a click on a download button into a file, from the
 * text embedded in the page. It runs in the browser, offline.
 */
function offerDownloads(): void {
  const files = JSON.parse(
    document.getElementById("basket-downloads")?.textContent ?? "{}",
  ) as Record<string, string>;
  document.addEventListener("click", (event) => {
    const button = (event.target as Element).closest?.(
      "button[data-download]",
    );
    const name = button?.getAttribute("data-download") ?? "";
    if (!button || !(name in files)) return;
    const type = name.endsWith(".json")
      ? "application/json"
      : "text/csv;charset=utf-8";
    const url = URL.createObjectURL(new Blob([files[name]], { type }));
    const link = document.createElement("a");
    link.href = url;
    link.download = name;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  });
}

const SCRIPT = `(${offerDownloads.toString()})();\n`;
if (/<\/script|<!--/i.test(SCRIPT)) {
  throw new Error("The downloads' script contains '</script' or '<!--'");
}

/**
 * Puts a run's other files (`report.json`, the CSVs, `rejected_rows.csv`)
 * inside a finished report page, as a "Downloads" section at the end of
 * the page whose buttons save them. For a locked report: the page is then
 * encrypted, so the files travel only inside the ciphertext, and the run
 * folder holds nothing in clear. The page stays self-contained and offline.
 *
 * @example
 * ```ts
 * import { ok } from "node:assert/strict";
 * const page = embedDownloads("<html><body><p>Report</p></body></html>", {
 *   "report.json": '{"total": 1}',
 * });
 * ok(page.includes('data-download="report.json"'));
 * ok(page.indexOf("Downloads") < page.indexOf("</body>"));
 * ```
 */
export function embedDownloads(
  page: string,
  files: Readonly<Record<string, string>>,
): string {
  const names = Object.keys(files).sort((a, b) =>
    a === "report.json" ? -1 : b === "report.json" ? 1 : a.localeCompare(b)
  );
  if (names.length === 0) return page;
  // deno-fmt-ignore: the page's markup, laid out as it is served
  const section = html`<section id="downloads" aria-labelledby="downloads-title">
<h2 id="downloads-title">Downloads</h2>
<p class="note">This report is locked, so its files travel inside it: each button saves one, as it would be beside an unlocked report (report.json holds every figure).</p>
<ul>${names.map((name) => html`<li><button type="button" data-download="${name}">${name}</button></li>`)}</ul>
</section>
<script type="application/json" id="${DOWNLOADS_ID}">${jsonForScript(files)}</script>
<script>
${unsafeRawHtml(SCRIPT)}</script>
`.markup;
  const end = page.lastIndexOf("</body>");
  return end < 0
    ? page + section
    : page.slice(0, end) + section + page.slice(end);
}
