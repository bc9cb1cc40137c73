import { assertEquals, assertOk, assertStringIncludes } from "../assert.ts";

const SCRIPT = new URL("../../src/cli/simulate.ts", import.meta.url).pathname;
const CONFIG = new URL("../../deno.json", import.meta.url).pathname;

async function simulate(args: string[]) {
  const output = await new Deno.Command(Deno.execPath(), {
    args: [
      "run",
      "--v8-flags=--expose-gc",
      "--config",
      CONFIG,
      "--allow-read",
      "--allow-write",
      "--allow-env",
      "--allow-ffi",
      "--allow-sys",
      SCRIPT,
      ...args,
    ],
    stdout: "piped",
    stderr: "piped",
  }).output();
  const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
  return {
    code: output.code,
    stdout: decode(output.stdout),
    stderr: decode(output.stderr),
  };
}

Deno.test("the simulate command writes sales and customers and sums them up in one line", async () => {
  const dir = await Deno.makeTempDir({ prefix: "basket-cli-" });
  try {
    const run = await simulate([
      "--out",
      dir,
      "--customers",
      "300",
      "--days",
      "20",
      "--seed",
      "9",
    ]);
    assertEquals(run.code, 0, run.stderr);
    const summary = new RegExp(
      `^Wrote ${dir}/sales\\.csv, ${dir}/customers\\.csv: [\\d,]+ lines, 300 customers, 20 stores, ` +
        `2025-09-11 to 2025-09-30, seed 9, in \\d+\\.\\d s\\n$`,
    );
    assertOk(summary.test(run.stdout), run.stdout);
    assertEquals(run.stderr, "", "no progress lines for a short run");
    const lines =
      (await Deno.readTextFile(`${dir}/sales.csv`)).trimEnd().split("\n")
        .length - 1;
    assertStringIncludes(
      run.stdout,
      `: ${new Intl.NumberFormat("en-US").format(lines)} lines`,
    );
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("the simulate command prints its help", async () => {
  const run = await simulate(["--help"]);
  assertEquals(run.code, 0);
  assertStringIncludes(run.stdout, "Usage: deno task simulate");
  assertStringIncludes(run.stdout, "--layout LAYOUT");
});

Deno.test("the simulate command stops on an unknown option with a clear message and exit code 2", async () => {
  const run = await simulate(["--rows", "10"]);
  assertEquals(run.code, 2);
  assertEquals(run.stdout, "");
  assertOk(
    run.stderr.endsWith(
      'error: Unknown option "--rows": see --help for the options\n',
    ),
    run.stderr,
  );
});
