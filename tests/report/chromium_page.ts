/**
 * What the report's browser tests share: Debian's Chromium, headless, with
 * a profile folder of the test's own, and a report built by the command.
 *
 * @module
 */
import puppeteer, { type Browser, type Page } from "puppeteer-core";
import { assertEquals } from "../assert.ts";
import { runCli } from "../cli/run_cli.ts";

/** Headless Debian Chromium with its profile in `profile`. */
export function launchChromium(profile: string): Promise<Browser> {
  return puppeteer.launch({
    executablePath: "/usr/bin/chromium",
    headless: true,
    userDataDir: profile,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"],
  });
}

/**
 * Runs `report --data DATA --out OUT --no-cache`, asserts it succeeded and
 * returns its run folder.
 */
export async function reportRunDir(data: string, out: string): Promise<string> {
  const run = await runCli("report", [
    "--data",
    data,
    "--out",
    out,
    "--no-cache",
  ]);
  assertEquals(run.code, 0, run.stderr);
  return JSON.parse(run.stdout.trim().split("\n").at(-1)!).dir;
}

/** The page's script errors and console errors, gathered as they come. */
export function pageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(String(error)));
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  return errors;
}
