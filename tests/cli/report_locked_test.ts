import puppeteer from "puppeteer-core";
import { assertEquals, assertOk, assertStringIncludes } from "../assert.ts";
import { runCli } from "./run_cli.ts";
import { GetObjectCommand, ListObjectsV2Command } from "@aws-sdk/client-s3";
import { startTestS3 } from "../publish/s3_test_server.ts";
import { decryptPage } from "../../src/report/lock/decrypt_page.ts";
import { openLockedSidecar } from "../../src/pipeline/locked_sidecar.ts";
import { DOWNLOADS_ID } from "../../src/report/lock/embed_downloads.ts";
import { PASSWORD_FLAG_WARNING } from "../../src/cli/report.ts";

const PASSWORD = "correct horse battery staple";
const HEADER =
  "date,store,city,region,channel,department,category,sub_category,customer_id,transaction_id,quantity,amount,gallons,fuel_type,fuel_price";
const SECRETS = [
  "Zebra Street Store",
  "Quokka Snacks",
  "Wombat Books",
  "C-998877",
  "C-554433",
  "Marmot Harbour",
];

/** The files a locked page carries inside it, by name: opened with its password. */
async function lockedDownloads(
  page: string,
  password: string,
): Promise<Record<string, string>> {
  const report = await decryptPage(page, password);
  const match = new RegExp(
    `<script type="application/json" id="${DOWNLOADS_ID}">([^<]*)</script>`,
  ).exec(report);
  assertOk(match, "the unlocked report holds no downloads");
  return JSON.parse(match[1]);
}

/** A small data set whose every name is distinctive, so that a leak can be searched for. */
function fixture(): string {
  const lines = [HEADER];
  for (let day = 1; day <= 28; day++) {
    const date = `2025-02-${String(day).padStart(2, "0")}`;
    lines.push(
      `${date},Zebra Street Store,Marmot Harbour,North,Flagship store,Sales,Quokka Snacks,Chips,C-998877,T${day}a,2,${
        (10 + day).toFixed(2)
      },,,`,
    );
    lines.push(
      `${date},Zebra Street Store,Marmot Harbour,North,Flagship store,Sales,Wombat Books,Novels,C-554433,T${day}b,1,${
        (20 + day / 4).toFixed(2)
      },,,`,
    );
  }
  return lines.join("\n") + "\n";
}

Deno.test("a locked report holds nothing readable of the data, and opens with the right password in Chromium", async (t) => {
  const dir = await Deno.makeTempDir({ prefix: "basket-locked-" });
  const browserDir = await Deno.makeTempDir({ prefix: "basket-chromium-" });
  try {
    await Deno.mkdir(`${dir}/data`);
    await Deno.writeTextFile(`${dir}/data/sales.csv`, fixture());
    const run = await runCli("report", [
      "--data",
      `${dir}/data`,
      "--out",
      `${dir}/reports`,
      "--password",
      PASSWORD,
    ]);
    assertEquals(run.code, 0, run.stderr);
    assertStringIncludes(run.stderr, `warning: ${PASSWORD_FLAG_WARNING}`);
    const { dir: runDir } = JSON.parse(run.stdout.trim().split("\n").pop()!);
    const page = await Deno.readTextFile(`${runDir}/index.html`);
    assertEquals(
      [...Deno.readDirSync(runDir)].map((e) => e.name).sort(),
      ["index.html", "segments.json.enc"],
    );
    const downloads = await lockedDownloads(page, PASSWORD);
    const report = JSON.parse(downloads["report.json"]);
    const total = new Intl.NumberFormat("en-US", {
      minimumFractionDigits: 2,
      maximumFractionDigits: 2,
    })
      .format(report.sales.total);

    await t.step(
      "no store, category, city or customer id, nor the total, is in the page's bytes",
      () => {
        for (const secret of [...SECRETS, total, String(report.sales.total)]) {
          for (
            const form of [secret, encodeURIComponent(secret), btoa(secret)]
          ) {
            assertEquals(
              page.includes(form),
              false,
              `the locked page holds ${JSON.stringify(form)}`,
            );
          }
        }
        assertStringIncludes(page, "basket-locked-report");
      },
    );

    const browser = await puppeteer.launch({
      executablePath: "/usr/bin/chromium",
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        `--user-data-dir=${browserDir}`,
      ],
    });
    try {
      const tab = await browser.newPage();
      const errors: string[] = [];
      tab.on("pageerror", (error) => errors.push(String(error)));
      await tab.goto(`file://${runDir}/index.html`);
      await t.step("a wrong password shows the error and no data", async () => {
        await tab.waitForSelector("#unlock-password");
        await tab.type("#unlock-password", "not the password");
        await tab.click("#unlock-submit");
        await tab.waitForFunction(() =>
          (document.querySelector("#unlock-error")?.textContent ?? "").length >
            0
        );
        const text = await tab.evaluate(() => document.body.innerText);
        assertStringIncludes(text, "Wrong password");
        for (const secret of SECRETS) {
          assertEquals(text.includes(secret), false);
        }
      });
      await t.step(
        "the right password shows the report, and its filters work",
        async () => {
          await tab.$eval(
            "#unlock-password",
            (input) => (input as HTMLInputElement).value = "",
          );
          await tab.type("#unlock-password", PASSWORD);
          await tab.click("#unlock-submit");
          await tab.waitForSelector("html[data-ready]", { timeout: 30_000 });
          // The card's exact amount (the compact one is what it shows).
          const net = () =>
            tab.$eval(
              '[data-figure="totalSales"] .value .exact',
              (e) => e.textContent,
            );
          const dollars = new Intl.NumberFormat("en-US", {
            style: "currency",
            currency: "USD",
          });
          assertEquals(await net(), dollars.format(report.sales.total));
          await tab.click('[data-filter="category"] summary');
          await tab.click('input[name="category"][value="Wombat Books"]');
          await tab.waitForFunction(() => location.hash.includes("category="));
          const books = report.sales.byCategory.find((
            c: { category: string },
          ) => c.category === "Wombat Books");
          assertOk(books);
          assertEquals(await net(), dollars.format(books.totalSales));
          assertEquals(errors, []);
        },
      );
      await t.step(
        "the unlocked page offers report.json and every CSV as downloads, offline",
        async () => {
          const offered = await tab.$$eval(
            "button[data-download]",
            (buttons) => buttons.map((b) => b.getAttribute("data-download")),
          );
          assertEquals(offered[0], "report.json");
          // segments.json is kept encrypted beside the page, not inside it.
          assertEquals(
            [...offered].sort(),
            [...Object.keys(downloads), "segments.json"].sort(),
          );
          assertOk(offered.includes("stores.csv"));
          await tab.evaluate(() => {
            const saved: Record<string, string> = {};
            (globalThis as unknown as { saved: unknown }).saved = saved;
            HTMLAnchorElement.prototype.click = function () {
              saved[this.download] = this.href;
            };
          });
          await tab.click('button[data-download="report.json"]');
          const saved = await tab.evaluate(async () => {
            const saved = (globalThis as unknown as {
              saved: Record<string, string>;
            }).saved;
            return await (await fetch(saved["report.json"])).text();
          });
          assertEquals(JSON.parse(saved).sales.total, report.sales.total);
          // Opened from a file, the page cannot fetch segments.json.enc.
          await tab.click('button[data-download="segments.json"]');
          assertStringIncludes(
            await tab.$eval("#downloads-status", (e) => e.textContent ?? ""),
            "a page opened from a file cannot fetch it",
          );
          assertEquals(errors, []);
        },
      );
    } finally {
      await browser.close();
    }
  } finally {
    await Deno.remove(dir, { recursive: true });
    await Deno.remove(browserDir, { recursive: true }).catch(() => {});
  }
});

const KAGGLE =
  new URL("../../../shared/datasets/retail-kaggle/", import.meta.url).pathname;

/** One column of a CSV file of the real data set, its distinct values. */
async function column(file: string, name: string): Promise<string[]> {
  const [header, ...rows] = (await Deno.readTextFile(`${KAGGLE}${file}`))
    .trim().split(/\r?\n/);
  const at = header.split(",").indexOf(name);
  assertOk(at >= 0, `${file} has no column ${name}`);
  return [...new Set(rows.map((row) => row.split(",")[at].trim()))].filter(
    Boolean,
  );
}

/**
 * Where `secret` stands on its own in `text`: not inside a longer run of
 * base64 characters. A locked page is mostly base64 ciphertext, in which
 * any short name or 6-digit id turns up by chance (a 3-letter store name
 * is expected there about 5 times); in clear (JSON, CSV, HTML, a
 * manifest) a value is set off by quotes, commas, spaces or tags.
 */
function standsAlone(text: string, secret: string): boolean {
  const escaped = secret.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`(?<![A-Za-z0-9+/])${escaped}(?![A-Za-z0-9+/])`).test(
    text,
  );
}

/** Every file under a folder, as [path, text]. */
async function allFiles(dir: string): Promise<[string, string][]> {
  const out: [string, string][] = [];
  for await (const entry of Deno.readDir(dir)) {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory) out.push(...await allFiles(path));
    else out.push([path, await Deno.readTextFile(path)]);
  }
  return out;
}

Deno.test("a locked report of the real data set writes and publishes only encrypted files (its page, segments.json.enc): no store, category, total or customer id in any file of its folder or object of the bucket", async () => {
  const dir = await Deno.makeTempDir({ prefix: "basket-locked-real-" });
  const s3 = await startTestS3();
  const env = {
    BASKET_REPORT_PASSWORD: PASSWORD,
    AWS_ACCESS_KEY_ID: "S3RVER",
    AWS_SECRET_ACCESS_KEY: "S3RVER",
    AWS_REGION: "us-east-1",
    AWS_ENDPOINT_URL_S3: s3.endpoint,
    BASKET_S3_BUCKET: s3.bucket,
    BASKET_S3_PREFIX: "weekly",
    BASKET_S3_PATH_STYLE: "true",
  };
  try {
    const run = await runCli("report", [
      "--data",
      KAGGLE,
      "--out",
      `${dir}/reports`,
      "--publish",
    ], { env });
    assertEquals(run.code, 0, run.stderr);
    assertEquals(run.stderr.includes("--password puts"), false);
    const { runId, dir: runDir } = JSON.parse(
      run.stdout.trim().split("\n").pop()!,
    );
    const page = await Deno.readTextFile(`${runDir}/index.html`);
    const report = JSON.parse(
      (await lockedDownloads(page, PASSWORD))["report.json"],
    );

    const money = new Intl.NumberFormat("en-US", {
      minimumFractionDigits: 2,
      maximumFractionDigits: 2,
    });
    const totals = [
      report.sales.total,
      ...report.sales.byStore.map((s: { totalSales: number }) => s.totalSales),
      ...report.sales.byCategory.map((c: { totalSales: number }) =>
        c.totalSales
      ),
    ].flatMap((n: number) => [String(n), money.format(n), n.toFixed(2)]);
    const stores = await column("Transactions.csv", "Store_type");
    const categories = [
      ...await column("prod_cat_info.csv", "prod_cat"),
      ...await column("prod_cat_info.csv", "prod_subcat"),
    ];
    const customers = [
      ...await column("Customer.csv", "customer_Id"),
      ...await column("Transactions.csv", "cust_id"),
    ];
    assertEquals(stores.length, 4);
    assertOk(categories.includes("Books") && categories.length > 20);
    assertOk(customers.length > 5000);
    const secrets = [
      ...new Set([
        ...stores,
        ...categories,
        ...totals,
        ...customers,
        String(report.data.rows),
        String(report.data.customers),
      ]),
    ];

    const bucketFiles: [string, string][] = [];
    const client = s3.client();
    const listed = await client.send(
      new ListObjectsV2Command({ Bucket: s3.bucket }),
    );
    for (const { Key } of listed.Contents ?? []) {
      const object = await client.send(
        new GetObjectCommand({ Bucket: s3.bucket, Key: Key! }),
      );
      bucketFiles.push([`s3:${Key}`, await object.Body!.transformToString()]);
    }

    assertEquals(
      (await allFiles(`${dir}/reports`)).map(([path]) => path.slice(dir.length))
        .sort(),
      [
        `/reports/${runId}/index.html`,
        `/reports/${runId}/segments.json.enc`,
        "/reports/latest/index.html",
        "/reports/latest/segments.json.enc",
      ],
      "a locked run writes its encrypted page and its encrypted segments, and nothing else",
    );
    assertEquals(bucketFiles.map(([key]) => key).sort(), [
      "s3:weekly/current.json",
      "s3:weekly/index.html",
      `s3:weekly/runs/${runId}/index.html`,
      `s3:weekly/runs/${runId}/manifest.json`,
      `s3:weekly/runs/${runId}/segments.json.enc`,
    ]);
    const manifest = JSON.parse(
      bucketFiles.find(([key]) => key.endsWith("manifest.json"))![1],
    );
    assertEquals(manifest.encrypted, true);
    assertEquals("parameters" in manifest, false);
    assertEquals("dataFingerprint" in manifest, false);

    for (const [path, text] of [...await allFiles(dir), ...bucketFiles]) {
      // segments.json.enc is binary ciphertext: any 3 or 4 bytes turn up in
      // it by chance, so it is searched for the longer values only (each
      // customer id among them).
      const sidecar = path.endsWith(".enc");
      if (sidecar) assertOk(text.startsWith("BSKTENC1"), path);
      const found = secrets.filter((secret) =>
        (!sidecar || secret.length >= 5) && standsAlone(text, secret)
      );
      assertEquals(found, [], `${path} holds ${found.slice(0, 5)}`);
    }

    // The sidecar holds every customer: opened with the password, their ids
    // stand in it.
    const opened = `${dir}/segments.json`;
    assertEquals(
      await openLockedSidecar(
        page,
        `${runDir}/segments.json.enc`,
        PASSWORD,
        opened,
      ),
      { ok: true },
    );
    const { ids } = JSON.parse(await Deno.readTextFile(opened));
    await Deno.remove(opened);
    assertOk(ids.length > 5000, `${ids.length} customers`);
    assertOk(ids.every((id: string) => customers.includes(id)));

    // A locked run with a clear file put back beside its page is refused,
    // and --only-index publishes the page alone.
    await Deno.writeTextFile(
      `${runDir}/report.json`,
      JSON.stringify(report),
    );
    const refused = await runCli("publish", [
      runDir,
      "--run-id",
      `${runId}-2`,
    ], { env });
    assertEquals(refused.code, 1, refused.stderr);
    assertStringIncludes(
      refused.stderr,
      "its index.html is locked, but 1 files beside it hold the report's data in clear (report.json)",
    );
    const only = await runCli("publish", [runDir, "--only-index"], { env });
    assertEquals(only.code, 0, only.stderr);
    const after = await client.send(
      new ListObjectsV2Command({ Bucket: s3.bucket }),
    );
    assertEquals(
      (after.Contents ?? []).some(({ Key }) => Key!.endsWith("report.json")),
      false,
    );
  } finally {
    await s3.close();
    await Deno.remove(dir, { recursive: true });
  }
});
