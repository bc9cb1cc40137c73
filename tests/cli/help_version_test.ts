import { assertEquals, assertOk, assertStringIncludes } from "../assert.ts";
import { networkEnv } from "../../src/cli/network_env.ts";
import { exitCodesLine } from "../../src/cli/exit_codes.ts";
import { VERSION } from "../../src/version.ts";
import { type CliRun, runCli, taskPermissions } from "./run_cli.ts";

const ROOT = new URL("../../", import.meta.url);

/** Every deno task that runs a command, and its script. */
const TASKS: [string, string][] = [
  ["report", "src/cli/report.ts"],
  ["inspect", "src/cli/inspect.ts"],
  ["simulate", "src/cli/simulate.ts"],
  ["notebooks", "src/cli/notebooks.ts"],
  ["publish", "src/cli/publish.ts"],
  ["share", "src/cli/share.ts"],
  ["schedule", "src/cli/schedule.ts"],
  ["serve", "src/cli/serve.ts"],
  ["bench", "bench/run_bench.ts"],
  ["bench-segmentation", "bench/segmentation_bench.ts"],
];

/** Runs a task's script, as {@linkcode runCli} does for src/cli/. */
async function runTask(task: string, args: string[]): Promise<CliRun> {
  const script = TASKS.find(([name]) => name === task)![1];
  if (script.startsWith("src/cli/")) return await runCli(task, args);
  const home = Deno.env.get("HOME") ?? "/root";
  const output = await new Deno.Command(Deno.execPath(), {
    args: [
      "run",
      "--quiet",
      ...await taskPermissions(task),
      `--config=${new URL("deno.json", ROOT).pathname}`,
      new URL(script, ROOT).pathname,
      ...args,
    ],
    cwd: ROOT.pathname,
    clearEnv: true,
    env: {
      PATH: Deno.env.get("PATH") ?? "/usr/bin:/bin",
      HOME: home,
      DENO_DIR: Deno.env.get("DENO_DIR") ?? `${home}/.cache/deno`,
      NO_COLOR: "1",
      ...networkEnv(),
    },
    stdout: "piped",
    stderr: "piped",
  }).output();
  const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
  return {
    code: output.code,
    stdout: text(output.stdout),
    stderr: text(output.stderr),
  };
}

Deno.test("every task in deno.json is listed here", async () => {
  const config = JSON.parse(
    await Deno.readTextFile(new URL("deno.json", ROOT)),
  );
  const commands = Object.entries(config.tasks as Record<string, string>)
    .filter(([, line]) => / (src\/cli|bench)\/\S+\.ts$/.test(line))
    .map(([name]) => name).sort();
  assertEquals(commands, TASKS.map(([name]) => name).sort());
});

for (const [task] of TASKS) {
  Deno.test(`deno task ${task} prints its help for -h and --help, and its versions for --version`, async () => {
    const short = await runTask(task, ["-h"]);
    assertEquals(short.code, 0, short.stderr);
    assertOk(
      short.stdout.startsWith(`Usage: deno task ${task}`),
      short.stdout,
    );
    assertStringIncludes(short.stdout, "-h, --help");
    assertStringIncludes(short.stdout, "--version");
    assertEquals(
      short.stdout.trimEnd().split("\n").at(-1),
      `${exitCodesLine()} (see docs/cli.md)`,
    );
    const long = await runTask(task, ["--help"]);
    assertEquals([long.code, long.stdout], [0, short.stdout]);
    const version = await runTask(task, ["--version"]);
    assertEquals(version.code, 0, version.stderr);
    const lines = version.stdout.trim().split("\n");
    assertEquals(lines.slice(0, 2), [
      `basket ${VERSION}`,
      `deno ${Deno.version.deno}`,
    ]);
    assertOk(/^duckdb \d+\.\d+\.\d+ /.test(lines[2]), lines[2]);
  });
}
