/**
 * A locked run's segments.json, kept encrypted beside its page as
 * segments.json.enc, downloads from the unlocked page in Chromium: served
 * over HTTP on 127.0.0.1, the button fetches the sidecar, decrypts it a
 * chunk at a time with the key the reader unlocked with and saves the same
 * bytes; a damaged or missing sidecar, or a page opened from a file, says
 * why in words and saves nothing. The saved files are caught at
 * URL.createObjectURL.
 */
import type { Browser, Page } from "puppeteer-core";
import { deepEqual, equal, ok } from "node:assert/strict";
import { createHash } from "node:crypto";
import { launchChromium, pageErrors } from "../chromium_page.ts";
import { encryptPage, lockKey } from "../../../src/report/lock/encrypt_page.ts";
import { embedDownloads } from "../../../src/report/lock/embed_downloads.ts";
import { encryptSidecarFile } from "../../../src/pipeline/locked_sidecar.ts";
import { sampleReportHtml } from "../fixtures/sample_report.ts";
import { FAST_ITERATIONS } from "./locked_page.ts";

const PASSWORD = "mango orbit velvet canyon";
const RUN_ID = "20260102T030405Z";

/** A segments file of 150,000 customers: about 2.6 MB, three chunks. */
function segmentsText(): string {
  const ids = Array.from({ length: 150_000 }, (_, i) => `"C${100000 + i}"`);
  const segment = Array.from(
    { length: 150_000 },
    (_, i) => "ABCDE"[(i * 7) % 5],
  ).join("");
  const revenue = Array.from({ length: 150_000 }, (_, i) => (i * 13.37) % 999);
  return `{"schema":"basket-segments/1","segments":["A","B","C","D","E"],"ids":[${
    ids.join(",")
  }],"segment":"${segment}","revenue":[${revenue.join(",")}]}\n`;
}

/** Opens a locked page, unlocks it, and waits for the report's Downloads. */
async function unlock(page: Page, url: string): Promise<void> {
  await page.goto(url, { waitUntil: "load" });
  await page.waitForSelector("#unlock-form:not([hidden])");
  await page.type("#unlock-password", PASSWORD);
  await page.keyboard.press("Enter");
  await page.waitForSelector("#downloads");
}

/** Clicks segments.json's button and waits for the status to settle. */
async function clickSegments(page: Page): Promise<string> {
  await page.$eval("#downloads-status", (s) => (s.textContent = ""));
  await page.click('button[data-download="segments.json"]');
  await page.waitForFunction(() => {
    const text = document.getElementById("downloads-status")?.textContent ??
      "";
    return text !== "" && !text.startsWith("Downloading");
  });
  return await page.$eval("#downloads-status", (s) => s.textContent ?? "");
}

const saved = (page: Page) =>
  page.evaluate(async () => {
    const files = (globalThis as unknown as {
      saved: { blob: Blob; name: string }[];
    }).saved;
    return await Promise.all(
      files.map(async (f) => ({
        name: f.name,
        type: f.blob.type,
        size: f.blob.size,
        sha256: [
          ...new Uint8Array(
            await crypto.subtle.digest("SHA-256", await f.blob.arrayBuffer()),
          ),
        ].map((b) => b.toString(16).padStart(2, "0")).join(""),
      })),
    );
  });

Deno.test("a locked page's Downloads fetch segments.json.enc beside it and save segments.json decrypted, or say why not", async (t) => {
  const dir = await Deno.makeTempDir({ prefix: "basket-sidecar-" });
  const profile = await Deno.makeTempDir({ prefix: "basket-chromium-" });
  const shots = Deno.env.get("BASKET_SCREENSHOTS");
  let browser: Browser | undefined;
  const segments = segmentsText();
  ok(segments.length > 2.5 * 2 ** 20, `${segments.length} bytes`);
  const key = await lockKey(PASSWORD, {
    unsafeIterationsForTests: FAST_ITERATIONS,
  });
  const page = await encryptPage(
    embedDownloads(
      sampleReportHtml(),
      { "report.json": '{"total":1}', "stores.csv": "store\nQuay\n" },
      ["segments.json"],
      RUN_ID,
    ),
    { key },
  );
  ok(page.length < 100_000, `the locked page is ${page.length} bytes`);
  await Deno.mkdir(`${dir}/run`);
  await Deno.mkdir(`${dir}/damaged`);
  await Deno.mkdir(`${dir}/missing`);
  await Deno.writeTextFile(`${dir}/segments.json`, segments);
  await encryptSidecarFile(
    key,
    `${dir}/segments.json`,
    `${dir}/run/segments.json.enc`,
  );
  const sealed = await Deno.readFile(`${dir}/run/segments.json.enc`);
  const damaged = new Uint8Array(sealed);
  damaged[damaged.length - 100] ^= 1;
  for (const folder of ["run", "damaged", "missing"]) {
    await Deno.writeTextFile(`${dir}/${folder}/index.html`, page);
  }
  await Deno.writeFile(`${dir}/damaged/segments.json.enc`, damaged);
  // A bucket as publishing leaves it: the current run's page at the top,
  // its files in runs/<run id>/.
  await Deno.mkdir(`${dir}/bucket/runs/${RUN_ID}`, { recursive: true });
  await Deno.writeTextFile(`${dir}/bucket/index.html`, page);
  await Deno.writeTextFile(`${dir}/bucket/runs/${RUN_ID}/index.html`, page);
  await Deno.writeFile(
    `${dir}/bucket/runs/${RUN_ID}/segments.json.enc`,
    sealed,
  );
  const server = Deno.serve(
    { hostname: "127.0.0.1", port: 0, onListen: () => {} },
    async (request) => {
      const asked = new URL(request.url).pathname;
      // A folder's address serves its index.html, as a bucket's website does.
      const path = asked.endsWith("/") ? `${asked}index.html` : asked;
      try {
        const body = await Deno.readFile(`${dir}${path}`);
        return new Response(body, {
          headers: {
            "content-type": path.endsWith(".html")
              ? "text/html; charset=utf-8"
              : "application/octet-stream",
          },
        });
      } catch {
        return new Response("Not found", { status: 404 });
      }
    },
  );
  const origin = `http://127.0.0.1:${server.addr.port}`;
  try {
    browser = await launchChromium(profile);
    const tab = await browser.newPage();
    const errors = pageErrors(tab);
    await tab.evaluateOnNewDocument(() => {
      const saved: { blob: Blob; name: string }[] = [];
      (globalThis as unknown as { saved: unknown[] }).saved = saved;
      const create = URL.createObjectURL;
      URL.createObjectURL = (blob: Blob | MediaSource) => {
        const url = create(blob);
        const click = HTMLAnchorElement.prototype.click;
        HTMLAnchorElement.prototype.click = function () {
          if (this.href === url) {
            saved.push({ blob: blob as Blob, name: this.download });
          }
          HTMLAnchorElement.prototype.click = click;
        };
        return url;
      };
    });
    await tab.setViewport({ width: 1440, height: 900 });

    await t.step(
      "served over HTTP, the button saves the same bytes",
      async () => {
        await unlock(tab, `${origin}/run/index.html`);
        deepEqual(
          await tab.$$eval(
            "button[data-download]",
            (buttons) => buttons.map((b) => b.getAttribute("data-download")),
          ),
          ["report.json", "segments.json", "stores.csv"],
        );
        equal(await clickSegments(tab), "segments.json saved.");
        const files = await saved(tab);
        equal(files.length, 1);
        equal(files[0].name, "segments.json");
        equal(files[0].type, "application/json");
        const bytes = new TextEncoder().encode(segments);
        equal(files[0].size, bytes.length);
        equal(
          files[0].sha256,
          createHash("sha256").update(bytes).digest("hex"),
        );
        await tab.click('button[data-download="report.json"]');
        equal((await saved(tab)).length, 2);
        if (shots) {
          for (const width of [390, 1440]) {
            await tab.setViewport({ width, height: 900 });
            const section = await tab.$("#downloads");
            await section!.screenshot({
              path: `${shots}/downloads-${width}.png`,
            });
          }
          await tab.setViewport({ width: 1440, height: 900 });
        }
      },
    );

    await t.step(
      "opened with a password remembered on the device, the button saves the same bytes",
      async () => {
        await tab.goto(`${origin}/run/index.html`, { waitUntil: "load" });
        await tab.waitForSelector("#unlock-form:not([hidden])");
        await tab.click("#unlock-remember");
        await tab.type("#unlock-password", PASSWORD);
        await tab.keyboard.press("Enter");
        await tab.waitForSelector("#downloads");
        // Opened again: the remembered key, not the password, opens it.
        await tab.goto(`${origin}/run/index.html`, { waitUntil: "load" });
        await tab.waitForSelector("#downloads");
        equal(await clickSegments(tab), "segments.json saved.");
        const files = await saved(tab);
        equal(files.length, 1);
        equal(
          files[0].sha256,
          createHash("sha256").update(new TextEncoder().encode(segments))
            .digest("hex"),
        );
        await tab.goto(`${origin}/run/index.html?forget`, {
          waitUntil: "load",
        });
        await tab.waitForSelector("#unlock-form:not([hidden])");
      },
    );

    await t.step(
      "opened as a bucket's top-level page, the button fetches the sidecar from runs/<run id>/",
      async () => {
        await unlock(tab, `${origin}/bucket/`);
        equal(await clickSegments(tab), "segments.json saved.");
        const files = await saved(tab);
        equal(files.length, 1);
        equal(
          files[0].sha256,
          createHash("sha256").update(new TextEncoder().encode(segments))
            .digest("hex"),
        );
      },
    );

    await t.step("a damaged sidecar says so and saves nothing", async () => {
      await unlock(tab, `${origin}/damaged/index.html`);
      const status = await clickSegments(tab);
      ok(
        status.startsWith(
          "segments.json could not be decrypted: the file beside the report is damaged",
        ),
        status,
      );
      ok(status.endsWith("Nothing was saved."), status);
      equal((await saved(tab)).length, 0);
    });

    await t.step("a missing sidecar says so", async () => {
      await unlock(tab, `${origin}/missing/index.html`);
      const status = await clickSegments(tab);
      ok(status.includes("could not be fetched"), status);
      ok(status.includes("HTTP 404"), status);
      equal((await saved(tab)).length, 0);
    });

    await t.step(
      "a page opened from a file says it needs the website",
      async () => {
        await unlock(tab, `file://${dir}/run/index.html`);
        const status = await clickSegments(tab);
        ok(
          status.includes("a page opened from a file cannot fetch it"),
          status,
        );
        ok(status.includes("open the report from its web address"), status);
        equal((await saved(tab)).length, 0);
      },
    );
    deepEqual(
      errors.filter((e) => !/404|Failed to load resource/.test(e)),
      [],
    );
  } finally {
    await browser?.close();
    await server.shutdown();
    await Deno.remove(dir, { recursive: true });
    await Deno.remove(profile, { recursive: true });
  }
});
