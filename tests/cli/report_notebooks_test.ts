import { assertEquals, assertStringIncludes } from "../assert.ts";
import { runCli } from "./run_cli.ts";

Deno.test("report --notebooks puts the executed notebooks' HTML in the run, and refuses a folder without any", async () => {
  const dir = await Deno.makeTempDir({ prefix: "basket-report-notebooks-" });
  try {
    await Deno.mkdir(`${dir}/notebooks`);
    await Deno.writeTextFile(
      `${dir}/notebooks/01_sales_analysis.html`,
      "<h1>Sales</h1>",
    );
    await Deno.writeTextFile(`${dir}/notebooks/01_sales_analysis.ipynb`, "{}");
    const run = await runCli("report", [
      "--out",
      `${dir}/reports`,
      "--notebooks",
      `${dir}/notebooks`,
    ]);
    assertEquals(run.code, 0, run.stderr);
    const { dir: runDir } = JSON.parse(run.stdout.trim().split("\n").pop()!);
    assertEquals(
      await Deno.readTextFile(`${runDir}/notebooks/01_sales_analysis.html`),
      "<h1>Sales</h1>",
    );
    const names = [];
    for await (const entry of Deno.readDir(`${runDir}/notebooks`)) {
      names.push(entry.name);
    }
    assertEquals(names, ["01_sales_analysis.html"]);
    // The page links to them, from its sections' nav too.
    const page = await Deno.readTextFile(`${runDir}/index.html`);
    assertStringIncludes(
      page,
      '<li><a href="notebooks/01_sales_analysis.html">01 Sales analysis</a></li>',
    );
    assertStringIncludes(page, '<li><a href="#notebooks">Notebooks</a></li>');

    const empty = await runCli("report", [
      "--out",
      `${dir}/reports`,
      "--notebooks",
      `${dir}/reports`,
    ]);
    assertEquals(empty.code, 2);
    assertStringIncludes(
      empty.stderr,
      "holds no .html file; run deno task notebooks first",
    );
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
