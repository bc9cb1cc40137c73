/**
 * `report --pdf`: the page printed through headless Chromium to index.pdf
 * next to index.html (and in latest/), and what the command says; without
 * Chromium on the PATH, the report is still written, a warning names what
 * to install, and the run fails (exit 1) for want of the PDF asked for.
 */
import { assertEquals, assertOk, assertStringIncludes } from "../assert.ts";
import { runCli } from "./run_cli.ts";
import { writeFixtureCsv } from "../report/fixtures/report_fixture.ts";
import { pdfPageCount } from "../../src/cli/print_pdf.ts";

const exists = (path: string) => Deno.stat(path).then(() => true, () => false);

Deno.test("report --pdf writes index.pdf beside index.html, and says where both are", async () => {
  const tmp = await Deno.makeTempDir({ prefix: "basket-pdf-" });
  try {
    await writeFixtureCsv(`${tmp}/data`);
    const run = await runCli("report", [
      "--data",
      `${tmp}/data`,
      "--out",
      `${tmp}/out`,
      "--pdf",
      "--locale",
      "de-DE",
    ]);
    assertEquals(run.code, 0, run.stderr);
    const last = JSON.parse(run.stdout.trim().split("\n").at(-1)!);
    assertEquals(last.pdf, `${last.dir}/index.pdf`);
    const pdf = await Deno.readFile(last.pdf);
    assertEquals(new TextDecoder().decode(pdf.slice(0, 5)), "%PDF-");
    const pages = pdfPageCount(pdf);
    assertOk(pages > 1, `${pages} pages`);
    assertEquals(await Deno.readFile(`${tmp}/out/latest/index.pdf`), pdf);
    assertStringIncludes(
      run.stderr,
      `PDF written to ${last.dir}/index.pdf (${pages} pages, A4, `,
    );
    assertStringIncludes(run.stderr, `Open it: file://${last.dir}/index.html`);
    assertOk(
      /^pdf +\d+\.\d\d s( {2}peak \d+ MB)?$/m.test(run.stderr),
      run.stderr,
    );
  } finally {
    await Deno.remove(tmp, { recursive: true });
  }
});

Deno.test("report --pdf without Chromium writes the report, says what to install and exits 1", async () => {
  const tmp = await Deno.makeTempDir({ prefix: "basket-pdf-" });
  try {
    await writeFixtureCsv(`${tmp}/data`);
    const run = await runCli("report", [
      "--data",
      `${tmp}/data`,
      "--out",
      `${tmp}/out`,
      "--pdf",
    ], { env: { PATH: `${tmp}/empty` } });
    assertEquals(run.code, 1, run.stderr);
    assertStringIncludes(
      run.stderr,
      "warning: no index.pdf: Chromium is not installed; install Chromium (Debian and Ubuntu: apt-get install chromium",
    );
    const last = JSON.parse(run.stdout.trim().split("\n").at(-1)!);
    assertEquals(last.pdf, null);
    assertOk(await exists(`${last.dir}/index.html`));
    assertOk(await exists(`${last.dir}/report.json`));
    assertEquals(await exists(`${last.dir}/index.pdf`), false);
  } finally {
    await Deno.remove(tmp, { recursive: true });
  }
});
