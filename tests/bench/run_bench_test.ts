import { assertEquals, assertOk, assertStringIncludes } from "../assert.ts";
import type { BenchResult } from "../../bench/bench_result.ts";

const ROOT = new URL("../../", import.meta.url).pathname;

Deno.test("deno task bench times the whole report at a small size, publishing included, and saves the results", async () => {
  const results = await Deno.makeTempDir({ prefix: "basket-bench-test-" });
  try {
    const output = await new Deno.Command(Deno.execPath(), {
      args: [
        "run",
        "--quiet",
        "--allow-all",
        `--config=${ROOT}deno.json`,
        `${ROOT}bench/run_bench.ts`,
        "--sizes",
        "5k",
        "--skip-reference",
        "--results",
        results,
      ],
      cwd: ROOT,
      stdout: "piped",
      stderr: "piped",
    }).output();
    const stdout = new TextDecoder().decode(output.stdout);
    const stderr = new TextDecoder().decode(output.stderr);
    assertEquals(output.code, 0, stderr);
    assertStringIncludes(stdout, "### 5k: ");
    assertStringIncludes(stdout, "| wall time | ");
    assertStringIncludes(stdout, " | skipped | skipped | – |");
    assertStringIncludes(stdout, "| 5k | page under 2.50 MB | yes |");
    const saved: BenchResult[] = [];
    for await (const entry of Deno.readDir(results)) {
      saved.push(
        JSON.parse(await Deno.readTextFile(`${results}/${entry.name}`)),
      );
    }
    assertEquals(saved.length, 1);
    const [size] = saved[0].sizes;
    assertEquals([
      size.label,
      size.reference,
      size.referenceOneThread,
      size.basket.length,
    ], [
      "5k",
      null,
      null,
      1,
    ]);
    const [run] = size.basket;
    assertEquals(run.exitStatus, 0);
    assertEquals(
      ["load", "segmentation", "sales", "charts", "html", "publish"].filter((
        name,
      ) => !run.stages.some((s) => s.name === name)),
      [],
    );
    assertOk(
      run.maxRssBytes > 10e6 && run.userSeconds > 0,
      JSON.stringify(run),
    );
    assertOk(size.lines > 1000 && size.customers > 0, JSON.stringify(size));
  } finally {
    await Deno.remove(results, { recursive: true });
  }
});
