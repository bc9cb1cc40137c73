import { assertEquals, assertStringIncludes } from "../assert.ts";
import { runCli } from "./run_cli.ts";

Deno.test("report --as-of 2025-02-30 exits 2 at the flag check, before any data is loaded", async () => {
  const dir = await Deno.makeTempDir({ prefix: "basket-as-of-" });
  try {
    const run = await runCli("report", [
      "--as-of",
      "2025-02-30",
      "--out",
      `${dir}/reports`,
    ], { cwd: dir });
    assertEquals(run.code, 2);
    assertEquals(
      run.stderr.trim(),
      'error: Cannot read --as-of "2025-02-30": expected a date as YYYY-MM-DD',
    );
    assertEquals([...Deno.readDirSync(dir)], [], "nothing written");
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("a config file key with a typo exits 2 and names the file and the key meant", async () => {
  const dir = await Deno.makeTempDir({ prefix: "basket-config-" });
  try {
    await Deno.writeTextFile(
      `${dir}/basket.config.json`,
      JSON.stringify({ dta: "data/" }),
    );
    const run = await runCli("inspect", [], { cwd: dir });
    assertEquals(run.code, 2);
    assertEquals(
      run.stderr.trim(),
      'error: Unknown key "dta" in config file "basket.config.json" (did you mean "data"?): see docs/cli.md for the keys',
    );
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("a data setting comes from the flag, else the environment, else the config file", async () => {
  const dir = await Deno.makeTempDir({ prefix: "basket-precedence-" });
  try {
    await Deno.writeTextFile(
      `${dir}/basket.config.json`,
      JSON.stringify({ asOf: "2025-13-01" }),
    );
    const fromFile = await runCli("inspect", [], { cwd: dir });
    assertEquals(fromFile.code, 2);
    assertStringIncludes(
      fromFile.stderr,
      'Cannot read "asOf" in "basket.config.json" "2025-13-01"',
    );
    const env = { BASKET_AS_OF: "2025-02-30" };
    const fromEnv = await runCli("inspect", [], { cwd: dir, env });
    assertStringIncludes(
      fromEnv.stderr,
      'Cannot read BASKET_AS_OF "2025-02-30"',
    );
    const fromFlag = await runCli("inspect", ["--as-of", "2024-02-30"], {
      cwd: dir,
      env,
    });
    assertStringIncludes(fromFlag.stderr, 'Cannot read --as-of "2024-02-30"');
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("a mistyped flag exits 2 with the flag meant", async () => {
  const run = await runCli("report", ["--categry", "Books"]);
  assertEquals(run.code, 2);
  assertEquals(
    run.stderr.trim(),
    'error: Unknown option "--categry" (did you mean "--category"?): see --help for the options',
  );
});
