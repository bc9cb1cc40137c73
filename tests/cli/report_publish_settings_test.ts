import { assertEquals, assertStringIncludes } from "../assert.ts";
import { runCli } from "./run_cli.ts";

Deno.test("report --publish without a bucket fails at once, before building or writing anything", async () => {
  const dir = await Deno.makeTempDir({ prefix: "basket-report-publish-" });
  try {
    const run = await runCli(
      "report",
      ["--publish", "--out", `${dir}/reports`],
      { cwd: dir },
    );
    assertEquals(run.code, 2);
    assertStringIncludes(run.stderr, "Cannot publish: no bucket is set");
    assertEquals(run.stderr.includes("load "), false, "no stage ran");
    const entries = [];
    for await (const entry of Deno.readDir(dir)) entries.push(entry.name);
    assertEquals(entries, []);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
