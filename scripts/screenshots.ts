/**
 * Takes the screenshots of the report that docs/ and the README show: the
 * report built on a data set (default: the three-file retail set at
 * ../shared/datasets/retail-kaggle) and opened in headless Chromium at 390
 * and 1440 px, the top of the page, written to docs/screenshots/. Run it
 * with `deno task screenshots [DATA]` whenever the page changes.
 *
 * @module
 */
import puppeteer from "puppeteer-core";

const ROOT = new URL("../", import.meta.url);
const OUT = new URL("docs/screenshots/", ROOT);
const data = Deno.args[0] ?? "../shared/datasets/retail-kaggle";
/** The widths taken, and how much of the page's top each shows (CSS px). */
const SHOTS = [
  { width: 390, height: 1600 },
  { width: 1440, height: 1400 },
];
const CHROMIUM = "/usr/bin/chromium";

const tmp = await Deno.makeTempDir({ prefix: "basket-screenshots-" });
const profile = await Deno.makeTempDir({ prefix: "basket-chromium-" });
try {
  const build = await new Deno.Command(Deno.execPath(), {
    args: [
      "task",
      "--quiet",
      "report",
      "--data",
      data,
      "--out",
      tmp,
      "--no-cache",
    ],
    cwd: new URL(".", ROOT).pathname,
    stdout: "piped",
    stderr: "inherit",
  }).output();
  if (!build.success) {
    throw new Error(`Cannot build the report on "${data}": see above`);
  }
  const { dir } = JSON.parse(
    new TextDecoder().decode(build.stdout).trim().split("\n").at(-1)!,
  );
  const browser = await puppeteer.launch({
    executablePath: CHROMIUM,
    headless: true,
    userDataDir: profile,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"],
  });
  try {
    const page = await browser.newPage();
    await Deno.mkdir(OUT, { recursive: true });
    for (const { width, height } of SHOTS) {
      await page.setViewport({ width, height: 900 });
      await page.goto(`file://${dir}/index.html`, { waitUntil: "load" });
      await page.waitForFunction(() =>
        document.documentElement.dataset.ready === "true"
      );
      const path = new URL(`report-${width}.png`, OUT).pathname;
      await page.screenshot({
        path,
        clip: { x: 0, y: 0, width, height },
        captureBeyondViewport: true,
      });
      console.error(`Wrote ${path}`);
    }
  } finally {
    await browser.close();
  }
} finally {
  await Deno.remove(tmp, { recursive: true });
  await Deno.remove(profile, { recursive: true });
}
