import { deepEqual, equal } from "node:assert/strict";
import {
  reportCommand,
  runReportProcess,
} from "../../src/schedule/run_report_process.ts";
import { rejection } from "../publish/rejection.ts";
import { assertEquals, assertOk } from "../assert.ts";

const FAKE = new URL("./fixtures/fake_report.ts", import.meta.url).pathname;
const ROOT = new URL("../../", import.meta.url).pathname;

const command = (
  ...args: string[]
) => [
  Deno.execPath(),
  "run",
  "--quiet",
  "--allow-env",
  "--allow-read",
  "--allow-write",
  FAKE,
  "--publish",
  ...args,
];

Deno.test("runReportProcess() reads the run's result from the command's last line of stdout", async () => {
  let stderr = "";
  const result = await runReportProcess(command("--as-of", "2026-11-21"), {
    cwd: ROOT,
    stderr: (text) => (stderr += text),
  });
  deepEqual(result, {
    runId: "20261121T010000Z",
    dir: "reports/20261121T010000Z",
    url: "http://example.test/weekly/",
  });
  equal(
    stderr,
    'building the report (run 1, args ["--publish","--as-of","2026-11-21"])\n',
  );
});

Deno.test("runReportProcess() fails with the command's own error line", async () => {
  const dir = await Deno.makeTempDir();
  try {
    const counter = `${dir}/count`;
    const error = await rejection(
      () =>
        runReportProcess(
          [
            "env",
            `FAKE_REPORT_COUNTER=${counter}`,
            "FAKE_REPORT_FAIL_UNTIL=1",
            ...command(),
          ],
          { stderr: () => {} },
        ),
      Error,
    );
    equal(
      error.message,
      'The report run failed: Cannot publish to "s3://reports/weekly/": the bucket does not exist',
    );
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("runReportProcess() says when the command printed no result line", async () => {
  const error = await rejection(
    () => runReportProcess([Deno.execPath(), "eval", "console.log('done')"]),
    Error,
  );
  equal(
    error.message,
    'The report run printed no result: expected its last line of output to be JSON like {"runId": "...", "url": "..."}, got "done"',
  );
});

Deno.test("runReportProcess() gives the cause when the report cannot start, not the backtrace's last line", async () => {
  const missing = "/nonexistent/basket/report.ts";
  const error = await rejection(
    () =>
      runReportProcess(
        ["env", "RUST_BACKTRACE=1", ...reportCommand(missing)],
        { stderr: () => {} },
      ),
    Error,
  );
  equal(error.message.includes("<unknown>"), false, error.message);
  equal(
    error.message,
    `The report run failed: Module not found "file://${missing}".`,
  );
});

Deno.test("the schedule runs the report with the V8 flags and permissions of `deno task report`", async () => {
  const config = JSON.parse(
    await Deno.readTextFile(new URL("../../deno.json", import.meta.url)),
  ) as { tasks: Record<string, string> };
  const task = config.tasks.report.split(/\s+/);
  const command = reportCommand();
  const flags = (words: readonly string[]) =>
    words.filter((w) => w.startsWith("--v8-flags=") || w.startsWith("--allow-"))
      .sort();
  assertEquals(flags(command), flags(task));
  // Memory over speed: see docs/warehouse.md, "Memory".
  assertOk(
    command.includes("--v8-flags=--expose-gc,--optimize-for-size"),
    command.join(" "),
  );
});
