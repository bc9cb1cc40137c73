import { html, jsonForScript, unsafeRawHtml } from "../html.ts";
import {
  decryptSidecarStream,
  SIDECAR_CRYPTO_SOURCE,
} from "./sidecar_crypto.ts";

/** The id of the element that holds the embedded downloads, as JSON. */
export const DOWNLOADS_ID = "basket-downloads";

/**
 * The script that turns a click on a download button into a file: from the
 * text embedded in the page, or, for a file kept encrypted beside the page
 * (`data-download-sidecar`), from `NAME.enc` fetched from the page's folder
 * and decrypted a chunk at a time with the key that unlocked the page. It
 * runs in the browser, with the functions of `sidecar_crypto.ts`.
 */
function offerDownloads(): void {
  const files = JSON.parse(
    document.getElementById("basket-downloads")?.textContent ?? "{}",
  ) as Record<string, string>;
  const status = document.getElementById("downloads-status");
  const say = (text: string) => {
    if (status) status.textContent = text;
  };
  const save = (name: string, parts: BlobPart[]) => {
    const type = name.endsWith(".json")
      ? "application/json"
      : "text/csv;charset=utf-8";
    const url = URL.createObjectURL(new Blob(parts, { type }));
    const link = document.createElement("a");
    link.href = url;
    link.download = name;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };
  async function* pieces(body: ReadableStream<Uint8Array>) {
    const reader = body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  }
  const fetchSidecar = async (name: string, button: Element) => {
    const key = (globalThis as { basketLockKey?: CryptoKey }).basketLockKey;
    const web =
      "open the report from its web address (https://…) to download it";
    if (location.protocol === "file:") {
      return say(
        `${name} stays encrypted beside the report on its website, and a page opened from a file cannot fetch it: ${web}.`,
      );
    }
    if (!key) {
      return say(
        `${name} cannot be opened here: reload the page and unlock it again.`,
      );
    }
    button.setAttribute("aria-busy", "true");
    say(`Downloading and decrypting ${name}…`);
    try {
      // Beside the page, else in its run's folder below the page: a
      // bucket's top-level index.html is a copy of the current run's page,
      // whose files stay in runs/<run id>/ (a missing object is a 403 on a
      // bucket that readers cannot list).
      const run = button.getAttribute("data-download-run");
      const urls = [`${name}.enc`];
      if (run) urls.push(`runs/${encodeURIComponent(run)}/${name}.enc`);
      let response: Response | undefined;
      for (const url of urls) {
        try {
          response = await fetch(url, { cache: "no-store" });
        } catch {
          return say(
            `${name} could not be fetched from beside the report (no connection, or the page was not opened from its website): ${web}.`,
          );
        }
        if (response.status !== 403 && response.status !== 404) break;
      }
      if (!response) return;
      if (!response.ok || !response.body) {
        return say(
          `${name} could not be fetched from beside the report (HTTP ${response.status}): it was not published with it, or was removed.`,
        );
      }
      const parts: BlobPart[] = [];
      await decryptSidecarStream(key, pieces(response.body), (plaintext) => {
        parts.push(plaintext as Uint8Array<ArrayBuffer>);
      });
      save(name, parts);
      say(`${name} saved.`);
    } catch (failure) {
      say(
        `${name} could not be decrypted: ${
          failure instanceof DOMException && failure.name === "OperationError"
            ? "the file beside the report is damaged, cut short, or another report's"
            : failure instanceof Error
            ? failure.message
            : String(failure)
        }. Nothing was saved.`,
      );
    } finally {
      button.removeAttribute("aria-busy");
    }
  };
  document.addEventListener("click", (event) => {
    const button = (event.target as Element).closest?.(
      "button[data-download]",
    );
    const name = button?.getAttribute("data-download") ?? "";
    if (!button) return;
    if (button.hasAttribute("data-download-sidecar")) {
      fetchSidecar(name, button).catch((e) => console.error(e));
    } else if (name in files) {
      save(name, [files[name]]);
    }
  });
}
// Type-checks the embedded script's use of the sidecar functions.
void decryptSidecarStream;

const SCRIPT = `${SIDECAR_CRYPTO_SOURCE}\n(${offerDownloads.toString()})();\n`;
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
 * `sidecars` names files too large to travel inside the page
 * (`segments.json`): each is kept encrypted beside the locked page as
 * `NAME.enc` with the page's key, and its button fetches and decrypts it
 * (on the report's website only; a page opened from a file says so). With
 * the run's `runId`, a page that has no `NAME.enc` beside it (a bucket's
 * top-level `index.html`, a copy of the current run's page) fetches
 * `runs/<runId>/NAME.enc` below it, where publishing put it.
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
  sidecars: readonly string[] = [],
  runId?: string,
): string {
  const order = (a: string, b: string) =>
    a === "report.json" ? -1 : b === "report.json" ? 1 : a.localeCompare(b);
  const names = [...Object.keys(files), ...sidecars].sort(order);
  if (names.length === 0) return page;
  const beside = new Set(sidecars);
  const also = sidecars.length === 0
    ? ""
    : ` ${
      [...sidecars].sort(order).join(", ")
    } stays encrypted beside the report on its website, and is decrypted here when saved: it needs the report opened from its web address, not from a file.`;
  // deno-fmt-ignore: the page's markup, laid out as it is served
  const section = html`<style>#downloads { max-width: 1280px; margin: 2rem auto; padding: 0 1rem; }</style>
<section id="downloads" aria-labelledby="downloads-title">
<h2 id="downloads-title">Downloads</h2>
<p class="note">This report is locked, so its files travel inside it: each button saves one, as it would be beside an unlocked report (report.json holds every figure).${also}</p>
<ul>${names.map((name) => beside.has(name) ? html`<li><button type="button" data-download="${name}" data-download-sidecar data-download-run="${runId ?? ""}">${name}</button></li>` : html`<li><button type="button" data-download="${name}">${name}</button></li>`)}</ul>
<p id="downloads-status" role="status"></p>
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
