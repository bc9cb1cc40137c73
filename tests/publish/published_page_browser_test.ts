import { deepEqual, equal } from "node:assert/strict";
import puppeteer from "puppeteer-core";
import { publishRun } from "../../src/publish/publish_run.ts";
import { readerUrl } from "../../src/publish/reader_url.ts";
import { setupWebsite } from "../../src/publish/setup_website.ts";
import { writeRunFixture } from "./run_fixture.ts";
import { NO_WAIT, startTestS3 } from "./s3_test_server.ts";

const RUN = "20261121T214500Z";

Deno.test("the published page, fetched over HTTP from the S3 server, opens in headless Chromium", async () => {
  const s3 = await startTestS3();
  const reports = await Deno.makeTempDir({ prefix: "basket-reports-" });
  const profile = await Deno.makeTempDir({ prefix: "basket-chromium-" });
  let browser: Awaited<ReturnType<typeof puppeteer.launch>> | undefined;
  try {
    const config = s3.config();
    const client = s3.client(config);
    await setupWebsite(client, config);
    const dir = await writeRunFixture(reports, RUN);
    const published = await publishRun(client, config, dir, {
      runId: RUN,
      retry: NO_WAIT,
    });
    const url = published.url;
    equal(url, (await readerUrl(client, config)).url);
    equal(url, `${s3.endpoint}/reports/weekly/index.html`);

    browser = await puppeteer.launch({
      executablePath: "/usr/bin/chromium",
      userDataDir: profile,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    });
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on("console", (message) => {
      if (message.type() === "error") problems.push(message.text());
    });
    page.on("pageerror", (error) => problems.push(String(error)));
    page.on("response", (answer) => {
      if (answer.status() >= 400) {
        problems.push(`${answer.status()} ${answer.url()}`);
      }
    });
    const response = await page.goto(url!, { waitUntil: "load" });
    equal(response?.status(), 200);
    equal(response?.headers()["content-type"], "text/html; charset=utf-8");
    equal(await page.title(), `Basket report ${RUN}`);
    equal(
      await page.$eval("#title", (h1) => h1.textContent),
      `Basket report ${RUN}`,
    );
    equal(await page.evaluate(() => document.body.dataset.ready), "yes");
    equal(await page.evaluate(() => document.characterSet), "UTF-8");
    equal(await page.$eval("p", (p) => p.textContent), "Net sales: 1 234,50 €");
    deepEqual(problems, []);
  } finally {
    await browser?.close();
    await s3.close();
    await Deno.remove(reports, { recursive: true });
    await Deno.remove(profile, { recursive: true });
  }
});
