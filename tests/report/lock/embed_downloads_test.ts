import { deepEqual, equal, ok } from "node:assert/strict";
import { parseHTML } from "linkedom";
import {
  DOWNLOADS_ID,
  embedDownloads,
} from "../../../src/report/lock/embed_downloads.ts";
import {
  isLockedPage,
  lockedPageRunId,
} from "../../../src/report/lock/is_locked_page.ts";
import { encryptPage } from "../../../src/report/lock/encrypt_page.ts";
import { FAST_ITERATIONS } from "./locked_page.ts";

Deno.test("embedDownloads() puts a run's files in the page, report.json first, with a button each, and none can close its element", () => {
  const files = {
    "stores.csv": "store,total\nZebra </script><!-- Store,1\n",
    "report.json": '{"total": 1}',
    "rejected_rows.csv": "file,row\nsales.csv,3\n",
  };
  const page = embedDownloads(
    "<!DOCTYPE html><html><body><main>Report</main></body></html>",
    files,
  );
  const { document } = parseHTML(page);
  deepEqual(
    [...document.querySelectorAll("button[data-download]")].map((b) =>
      b.getAttribute("data-download")
    ),
    ["report.json", "rejected_rows.csv", "stores.csv"],
  );
  deepEqual(
    JSON.parse(document.getElementById(DOWNLOADS_ID)!.textContent!),
    files,
  );
  ok(page.endsWith("</body></html>"));
  equal(
    embedDownloads("<p>x</p>", {}),
    "<p>x</p>",
  );
});

Deno.test("isLockedPage() knows a locked page, and lockedPageRunId() reads the run id it names", async () => {
  const page = await encryptPage("<p>x</p>", {
    password: "pw",
    runId: "20261121T214500Z",
    unsafeIterationsForTests: FAST_ITERATIONS,
  });
  ok(isLockedPage(page));
  ok(isLockedPage(new TextEncoder().encode(page)));
  equal(isLockedPage("<p>x</p>"), false);
  equal(lockedPageRunId(page), "20261121T214500Z");
  equal(lockedPageRunId("<p>x</p>"), undefined);
});

Deno.test("embedDownloads() lists a file kept encrypted beside the page with a button of its own, and says it needs the website", () => {
  const page = embedDownloads(
    "<html><body><main>Report</main></body></html>",
    { "report.json": "{}", "stores.csv": "store\n" },
    ["segments.json"],
  );
  const { document } = parseHTML(page);
  deepEqual(
    [...document.querySelectorAll("button[data-download]")].map((b) => [
      b.getAttribute("data-download"),
      b.hasAttribute("data-download-sidecar"),
    ]),
    [["report.json", false], ["segments.json", true], ["stores.csv", false]],
  );
  deepEqual(
    Object.keys(
      JSON.parse(document.getElementById(DOWNLOADS_ID)!.textContent!),
    ),
    ["report.json", "stores.csv"],
  );
  ok(
    document.querySelector("#downloads .note")!.textContent!.includes(
      "segments.json stays encrypted beside the report on its website",
    ),
  );
  ok(document.getElementById("downloads-status"));
  equal(
    embedDownloads("<p>x</p>", {}, ["segments.json"]).includes(
      'data-download="segments.json"',
    ),
    true,
  );
});
