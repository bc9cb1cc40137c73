import { assertEquals, assertOk, assertStringIncludes } from "../assert.ts";
import { problems, readNotebook } from "../notebooks/executed_notebook.ts";
import { runCli } from "./run_cli.ts";

/** A notebook for Deno's kernel with the given code cells. */
function notebookJson(cells: string[]): string {
  return JSON.stringify({
    nbformat: 4,
    nbformat_minor: 5,
    metadata: {
      kernelspec: {
        name: "deno",
        display_name: "Deno",
        language: "typescript",
      },
    },
    cells: [
      { cell_type: "markdown", id: "c0", metadata: {}, source: "# Test" },
      ...cells.map((source, i) => ({
        cell_type: "code",
        id: `c${i + 1}`,
        metadata: {},
        source,
        execution_count: null,
        outputs: [],
      })),
    ],
  });
}

Deno.test("deno task notebooks fails naming the notebook, the cell and the error, and still writes the executed notebook", async () => {
  const tmp = await Deno.makeTempDir({ prefix: "basket-notebooks-" });
  try {
    await Deno.writeTextFile(
      `${tmp}/broken.ipynb`,
      notebookJson([
        "const a = 1;",
        'throw new RangeError("Cannot go on: " + a);',
        "a + 1",
      ]),
    );
    const run = await runCli(
      "notebooks",
      ["--out", `${tmp}/out`, `${tmp}/broken.ipynb`],
      { env: { JUPYTER_DATA_DIR: `${tmp}/jupyter` } },
    );
    assertEquals(run.code, 1);
    assertEquals(
      run.stderr.trim().split("\n").pop(),
      `error: Cannot run notebook "broken.ipynb": cell 3 ("throw new RangeError(\\"Cannot go on: \\" + a);") failed: RangeError: Cannot go on: 1; see ${tmp}/out/broken.html`,
    );
    const executed = await readNotebook(`${tmp}/out/broken.ipynb`);
    assertEquals(problems(executed), ["cell 3: RangeError: Cannot go on: 1"]);
    assertOk((await Deno.stat(`${tmp}/out/broken.html`)).isFile);
    // Running a notebook registered no kernel in Jupyter's data folder.
    assertEquals(
      await Deno.stat(`${tmp}/jupyter`).then(() => true, () => false),
      false,
    );
  } finally {
    await Deno.remove(tmp, { recursive: true });
  }
});

Deno.test("deno task notebooks --install-kernel registers the Deno kernel in Jupyter's data folder", async () => {
  const tmp = await Deno.makeTempDir({ prefix: "basket-notebooks-" });
  try {
    const env = { JUPYTER_DATA_DIR: `${tmp}/jupyter` };
    const run = await runCli("notebooks", ["--install-kernel"], { env });
    assertEquals(run.code, 0, run.stderr);
    const dir = `${tmp}/jupyter/kernels/basket-deno`;
    assertEquals(
      run.stderr.trim(),
      `Registered the Jupyter kernel "basket-deno" ("Deno (Basket)") in ${dir}`,
    );
    const spec = JSON.parse(await Deno.readTextFile(`${dir}/kernel.json`));
    // Deno through npx, from the notebook's folder: the kernel serves every
    // clone, and points into none.
    assertEquals(spec.argv, [
      "npx",
      "--no",
      "--",
      "deno",
      "jupyter",
      "--kernel",
      "--conn",
      "{connection_file}",
    ]);
    assertEquals(spec.display_name, "Deno (Basket)");
    assertEquals(spec.env, { DENO_V8_FLAGS: "--expose-gc" });
    const npx = await new Deno.Command("npx", {
      args: ["--no", "--", "deno", "--version"],
      cwd: new URL("../../notebooks/", import.meta.url).pathname,
      stdout: "piped",
      stderr: "piped",
    }).output();
    assertEquals(npx.code, 0, new TextDecoder().decode(npx.stderr));
    assertStringIncludes(new TextDecoder().decode(npx.stdout), "deno 2.");
  } finally {
    await Deno.remove(tmp, { recursive: true });
  }
});

Deno.test("deno task notebooks checks its parameters and names before starting Jupyter", async () => {
  const cases: [string[], Record<string, string>, string][] = [
    [
      ["--seed", "x"],
      {},
      'error: Cannot read --seed "x": expected a whole number of 0 or more',
    ],
    [
      [],
      { BASKET_AS_OF: "2024-13-01" },
      'error: Cannot read BASKET_AS_OF "2024-13-01": expected a date as YYYY-MM-DD',
    ],
    [
      ["99"],
      {},
      'error: Cannot find notebook "99": none matches; the notebooks are 00_your_data.ipynb, 01_sales_analysis.ipynb, 02_customer_segments.ipynb, 03_customer_value.ipynb',
    ],
    [
      ["--timeout", "0"],
      {},
      'error: Cannot read --timeout "0": expected a whole number of seconds, 1 or more',
    ],
    [["--bogus"], {}, "see --help"],
  ];
  for (const [args, env, message] of cases) {
    const run = await runCli("notebooks", args, {
      env: { ...env, JUPYTER_DATA_DIR: "/nonexistent/jupyter" },
    });
    assertEquals(run.code, 2, run.stderr);
    assertStringIncludes(run.stderr.trim(), message);
  }
});
