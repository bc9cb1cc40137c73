import { pageErrors } from "../chromium_page.ts";
/**
 * A locked page in real Chromium: served over HTTP from 127.0.0.1 (a secure
 * context), and from a made-up host name mapped to 127.0.0.1, which
 * Chromium treats as an ordinary plain-HTTP site (not a secure context).
 * Note that 127.0.0.2 would not do: all of 127.0.0.0/8 is loopback, which
 * browsers count as secure.
 */
import puppeteer, {
  type Browser,
  type BrowserContext,
  type Page,
} from "puppeteer-core";
import { deepEqual, equal, ok } from "node:assert/strict";
import { encryptPage } from "../../../src/report/lock/encrypt_page.ts";
import {
  base64ToBytes,
  bytesToBase64,
} from "../../../src/report/lock/report_crypto.ts";
import {
  SAMPLE_STORES,
  sampleReportHtml,
  SECRET_VALUES,
} from "../fixtures/sample_report.ts";
import { payloadOf } from "./locked_page.ts";

const PASSWORD = "mango orbit velvet canyon";
const INSECURE_HOST = "reports.example";
const REMEMBER_DAYS = 7;

/** Starts Chromium headless with a fresh profile; `close` removes it. */
async function launchChromium(): Promise<
  { browser: Browser; close: () => Promise<void> }
> {
  const profile = await Deno.makeTempDir({ prefix: "basket-chromium-" });
  try {
    const browser = await puppeteer.launch({
      executablePath: "/usr/bin/chromium",
      headless: true,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        `--user-data-dir=${profile}`,
        `--host-resolver-rules=MAP ${INSECURE_HOST} 127.0.0.1`,
      ],
    });
    return {
      browser,
      close: async () => {
        await browser.close();
        await Deno.remove(profile, { recursive: true });
      },
    };
  } catch (error) {
    await Deno.remove(profile, { recursive: true });
    throw error;
  }
}

/** A new tab that records page errors and console errors. */
async function openTab(context: BrowserContext): Promise<
  { page: Page; errors: string[] }
> {
  const page = await context.newPage();
  const errors = pageErrors(page);
  return { page, errors };
}

const formShown = "#unlock-form:not([hidden])";
const text = (page: Page, selector: string) =>
  page.$eval(selector, (element) => element.textContent ?? "");

/** Asserts that nothing of the report's data is in the page. */
async function assertNoReportData(page: Page): Promise<void> {
  const markup = await page.evaluate(() =>
    document.documentElement.outerHTML + document.body.innerText
  );
  for (const value of SECRET_VALUES) {
    ok(!markup.includes(value), `The locked page shows "${value}"`);
  }
  equal(await page.$("#turnover"), null);
}

Deno.test("a locked page in Chromium", async (t) => {
  const page600k = await encryptPage(sampleReportHtml(), {
    password: PASSWORD,
    rememberDays: REMEMBER_DAYS,
  });
  const salt = payloadOf(page600k).salt;
  equal(payloadOf(page600k).iterations, 600_000);
  const server = Deno.serve(
    { hostname: "127.0.0.1", port: 0, onListen: () => {} },
    (request) => {
      switch (new URL(request.url).pathname) {
        case "/report.html":
          return new Response(page600k, {
            headers: { "content-type": "text/html; charset=utf-8" },
          });
        case "/changed.html":
          return new Response(changedPage(page600k), {
            headers: { "content-type": "text/html; charset=utf-8" },
          });
        case "/cut.html":
          return new Response(cutPage(page600k), {
            headers: { "content-type": "text/html; charset=utf-8" },
          });
        case "/favicon.ico":
          return new Response(null, { status: 204 });
        default:
          return new Response("Not found", { status: 404 });
      }
    },
  );
  const origin = `http://127.0.0.1:${server.addr.port}`;
  const chromium = await launchChromium();
  try {
    const context = await chromium.browser.createBrowserContext();
    const { page, errors } = await openTab(context);

    await t.step(
      "a wrong password says so and shows nothing of the report",
      async () => {
        await page.goto(`${origin}/report.html#store=quay`);
        await page.waitForSelector(formShown);
        equal(
          await page.$eval(
            "#unlock-password",
            (input) => (input as HTMLInputElement).labels?.[0]?.textContent,
          ),
          "Password",
        );
        equal(await page.title(), "Basket report — locked");
        await page.type("#unlock-password", "not the password");
        await page.keyboard.press("Enter");
        await page.waitForFunction(() =>
          document.getElementById("unlock-error")?.textContent !== ""
        );
        equal(
          await text(page, "#unlock-error"),
          "Wrong password: the report stays locked. Check the password and try again.",
        );
        equal(
          await page.$eval("#unlock-error", (e) => e.getAttribute("role")),
          "alert",
        );
        equal(
          await page.$eval(
            "#unlock-password",
            (e) => e.getAttribute("aria-invalid"),
          ),
          "true",
        );
        await assertNoReportData(page);
        equal(new URL(page.url()).hash, "#store=quay");
      },
    );

    await t.step(
      "the right password shows the report, keeps the hash, and its filter works",
      async () => {
        await page.$eval("#unlock-password", (input) => {
          (input as HTMLInputElement).value = "";
        });
        await page.type("#unlock-password", PASSWORD);
        await page.click("#unlock-submit");
        await page.waitForSelector("#turnover");
        equal(await page.title(), "Sales report — Café Zebra €");
        equal(
          await page.evaluate(() => document.compatMode),
          "CSS1Compat",
          "The report should render in standards mode",
        );
        equal(new URL(page.url()).hash, "#store=quay");
        equal(
          await page.$eval("#store", (s) => (s as HTMLSelectElement).value),
          "quay",
        );
        equal(await text(page, "#turnover"), SAMPLE_STORES.quay.turnover);
        await page.select("#store", "zebra");
        equal(await text(page, "#turnover"), SAMPLE_STORES.zebra.turnover);
        equal(await page.evaluate(() => location.hash), "#store=zebra");
        equal(
          await page.evaluate(() => document.body.dataset.ready),
          "yes",
          "The report's DOMContentLoaded listener should have run",
        );
        ok(
          (await page.$eval("#csv", (a) => (a as HTMLAnchorElement).href))
            .startsWith("blob:"),
        );
        equal(
          await page.evaluate(() =>
            Object.keys(localStorage).filter((k) =>
              k.startsWith("basket-report-key:")
            ).length
          ),
          0,
          "Nothing is remembered unless the reader asks",
        );
        deepEqual(errors, []);
      },
    );
    await page.close();

    await t.step(
      "at 375 px the form fits and works from the keyboard alone, and remembers the password when asked",
      async () => {
        const { page, errors } = await openTab(context);
        await page.setViewport({ width: 375, height: 667 });
        await page.goto(`${origin}/report.html#store=zebra`);
        await page.waitForSelector(formShown);
        const layout = await page.evaluate(() => ({
          scrollWidth: document.documentElement.scrollWidth,
          right: Math.max(
            ...["unlock-password", "unlock-remember", "unlock-submit"].map((
              id,
            ) => document.getElementById(id)!.getBoundingClientRect().right),
          ),
        }));
        ok(
          layout.scrollWidth <= 375,
          `The page is ${layout.scrollWidth} px wide`,
        );
        ok(layout.right <= 375, `The form reaches ${layout.right} px`);
        const focused = () => page.evaluate(() => document.activeElement?.id);
        equal(await focused(), "unlock-password");
        await page.keyboard.type(PASSWORD);
        await page.keyboard.press("Tab");
        equal(await focused(), "unlock-remember");
        await page.keyboard.press("Space");
        await page.keyboard.press("Tab");
        equal(await focused(), "unlock-submit");
        const before = Date.now();
        await page.keyboard.press("Enter");
        await page.waitForSelector("#turnover");
        equal(await text(page, "#turnover"), SAMPLE_STORES.zebra.turnover);
        const entry = await page.evaluate(
          (name) => JSON.parse(localStorage.getItem(name) ?? "null"),
          `basket-report-key:${salt}`,
        );
        equal(base64ToBytes(entry.key).length, 32);
        const days = (entry.expires - before) / 86_400_000;
        ok(
          days > REMEMBER_DAYS - 0.01 && days < REMEMBER_DAYS + 0.01,
          `The key is kept for ${days} days`,
        );
        deepEqual(errors, []);
        await page.close();
      },
    );

    await t.step(
      "a remembered password opens the report at once, until ?forget",
      async () => {
        const { page, errors } = await openTab(context);
        await page.goto(`${origin}/report.html#store=quay`);
        await page.waitForSelector("#turnover");
        equal(await text(page, "#turnover"), SAMPLE_STORES.quay.turnover);
        equal(new URL(page.url()).hash, "#store=quay");
        await page.goto(`${origin}/report.html?forget#store=quay`);
        await page.waitForSelector(formShown);
        equal(
          await text(page, "#unlock-status"),
          "This device no longer remembers the password.",
        );
        equal(
          await page.evaluate(() => localStorage.length),
          0,
        );
        await page.reload();
        await page.waitForSelector(formShown);
        await assertNoReportData(page);
        deepEqual(errors, []);
        await page.close();
      },
    );

    await t.step(
      "expired remembered keys are removed and not used",
      async () => {
        const { page, errors } = await openTab(context);
        await page.goto(`${origin}/report.html`);
        await page.waitForSelector(formShown);
        await page.evaluate((salt) => {
          const expired = JSON.stringify({
            key: btoa("k".repeat(32)),
            expires: Date.now() - 1,
          });
          localStorage.setItem(`basket-report-key:${salt}`, expired);
          localStorage.setItem("basket-report-key:another-report", expired);
          localStorage.setItem("basket-report-key:broken", "{");
          localStorage.setItem("unrelated", "kept");
        }, salt);
        await page.reload();
        await page.waitForSelector(formShown);
        deepEqual(
          await page.evaluate(() => Object.keys(localStorage)),
          ["unrelated"],
        );
        deepEqual(errors, []);
        await page.close();
      },
    );

    await t.step(
      "a wrong remembered key is dropped and the form is shown",
      async () => {
        const { page, errors } = await openTab(context);
        await page.goto(`${origin}/report.html`);
        await page.waitForSelector(formShown);
        await page.evaluate((salt) => {
          localStorage.setItem(
            `basket-report-key:${salt}`,
            JSON.stringify({
              key: btoa("k".repeat(32)),
              expires: Date.now() + 86_400_000,
            }),
          );
        }, salt);
        await page.reload();
        await page.waitForSelector(formShown);
        equal(
          await page.evaluate(
            (name) => localStorage.getItem(name),
            `basket-report-key:${salt}`,
          ),
          null,
        );
        await assertNoReportData(page);
        deepEqual(errors, []);
        await page.close();
      },
    );
    await context.close();

    await t.step(
      "over plain HTTP from another host the page explains why it cannot open",
      async () => {
        const context = await chromium.browser.createBrowserContext();
        const { page, errors } = await openTab(context);
        await page.goto(
          `http://${INSECURE_HOST}:${server.addr.port}/report.html#store=quay`,
        );
        await page.waitForSelector("#unlock-insecure:not([hidden])");
        equal(await page.evaluate(() => isSecureContext), false);
        equal(await page.$(formShown), null);
        const explanation = await page.$eval(
          "#unlock-insecure",
          (e) => (e as HTMLElement).innerText,
        );
        ok(explanation.includes("cannot be opened over plain HTTP"));
        ok(explanation.includes("https://"));
        ok(explanation.includes("CloudFront"));
        ok(explanation.includes("127.0.0.1"));
        equal(await text(page, "#unlock-insecure-protocol"), "http:");
        deepEqual(errors, []);
        await context.close();
      },
    );

    await t.step(
      "saved and opened as a local file, the page opens the report",
      async () => {
        const dir = await Deno.makeTempDir({ prefix: "basket-locked-" });
        const context = await chromium.browser.createBrowserContext();
        try {
          const file = `${dir}/report.html`;
          await Deno.writeTextFile(file, page600k);
          const { page, errors } = await openTab(context);
          await page.goto(`file://${file}#store=zebra`);
          await page.waitForSelector(formShown);
          await page.type("#unlock-password", PASSWORD);
          await page.keyboard.press("Enter");
          await page.waitForSelector("#turnover");
          equal(await text(page, "#turnover"), SAMPLE_STORES.zebra.turnover);
          deepEqual(errors, []);
        } finally {
          await context.close();
          await Deno.remove(dir, { recursive: true });
        }
      },
    );

    await t.step(
      "without crypto.subtle or DecompressionStream the page says what is missing",
      async () => {
        const context = await chromium.browser.createBrowserContext();
        const { page, errors } = await openTab(context);
        await page.evaluateOnNewDocument(() => {
          Object.defineProperty(Crypto.prototype, "subtle", {
            get: () => undefined,
          });
        });
        await page.goto(`${origin}/report.html`);
        await page.waitForSelector("#unlock-insecure:not([hidden])");
        equal(await page.$(formShown), null);
        const old = await openTab(context);
        await old.page.evaluateOnNewDocument(() => {
          // @ts-ignore: removing a global that the browser is too old to have
          delete globalThis.DecompressionStream;
        });
        await old.page.goto(`${origin}/report.html`);
        await old.page.waitForSelector("#unlock-old-browser:not([hidden])");
        equal(await old.page.$(formShown), null);
        deepEqual([...errors, ...old.errors], []);
        await context.close();
      },
    );

    await t.step(
      "a page whose payload was changed or cut short says it is damaged, not that the password is wrong",
      async () => {
        const context = await chromium.browser.createBrowserContext();
        const { page, errors } = await openTab(context);
        for (
          const [path, reason] of [
            ["changed.html", "does not match its checksum"],
            ["cut.html", "cut short or changed"],
          ]
        ) {
          await page.goto(`${origin}/${path}`);
          await page.waitForSelector("#unlock-damaged:not([hidden])");
          equal(await page.$(formShown), null);
          const said = await text(page, "#unlock-damaged");
          ok(said.includes("This page is damaged"), said);
          ok(said.includes(reason), said);
          ok(!said.includes("Wrong password"), said);
        }
        deepEqual(errors, []);
        await context.close();
      },
    );
  } finally {
    await chromium.close();
    await server.shutdown();
  }
});

/** The page with one byte of its ciphertext flipped, still valid base64. */
function changedPage(page: string): string {
  const { ciphertext } = payloadOf(page);
  const bytes = base64ToBytes(ciphertext);
  bytes[bytes.length >> 1] ^= 1;
  return page.replace(ciphertext, bytesToBase64(bytes));
}

/** The page cut short halfway through its ciphertext, as a broken download leaves it. */
function cutPage(page: string): string {
  const { ciphertext } = payloadOf(page);
  return page.slice(0, page.indexOf(ciphertext) + (ciphertext.length >> 1));
}
