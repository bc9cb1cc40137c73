import puppeteer from "puppeteer-core";
import { assertEquals, assertOk, assertStringIncludes } from "../assert.ts";
import { runCli } from "./run_cli.ts";

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
    const { dir: runDir } = JSON.parse(run.stdout.trim().split("\n").pop()!);
    const page = await Deno.readTextFile(`${runDir}/index.html`);
    const report = JSON.parse(await Deno.readTextFile(`${runDir}/report.json`));
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
          const net = () =>
            tab.$eval(
              '[data-figure="totalSales"] .value',
              (e) => e.textContent,
            );
          assertEquals(await net(), total);
          await tab.click('[data-filter="category"] summary');
          await tab.click('input[name="category"][value="Wombat Books"]');
          await tab.waitForFunction(() => location.hash.includes("category="));
          const books = report.sales.byCategory.find((
            c: { category: string },
          ) => c.category === "Wombat Books");
          assertOk(books);
          assertEquals(
            await net(),
            new Intl.NumberFormat("en-US", {
              minimumFractionDigits: 2,
              maximumFractionDigits: 2,
            }).format(books.totalSales),
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
