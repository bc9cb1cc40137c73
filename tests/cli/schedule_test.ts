import { deepEqual, equal, match, ok } from "node:assert/strict";
import { runCli, taskPermissions } from "./run_cli.ts";

const FAKE =
  new URL("../schedule/fixtures/fake_report.ts", import.meta.url).pathname;
const ROOT = new URL("../../", import.meta.url).pathname;

async function withFolder(fn: (dir: string) => Promise<void>) {
  const dir = await Deno.makeTempDir({ prefix: "basket-schedule-" });
  try {
    await fn(dir);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

const readLog = async (path: string) =>
  (await Deno.readTextFile(path)).trim().split("\n").map((line) =>
    JSON.parse(line)
  );

/** Starts `deno task schedule` on `cron` with the fake report, logging to `log`. */
async function startSchedule(
  cron: string,
  dir: string,
  log: string,
  env: Record<string, string> = {},
): Promise<Deno.ChildProcess> {
  return new Deno.Command(Deno.execPath(), {
    args: [
      "run",
      "--quiet",
      ...(await taskPermissions("schedule")),
      `--config=${ROOT}deno.json`,
      `${ROOT}src/cli/schedule.ts`,
      "--cron",
      cron,
      "--report-script",
      FAKE,
      "--log",
      log,
    ],
    cwd: dir,
    env: { FAKE_REPORT_COUNTER: `${dir}/count`, NO_COLOR: "1", ...env },
    stdout: "piped",
    stderr: "piped",
  }).spawn();
}

Deno.test("deno task schedule --once runs the report, passes its arguments and logs one JSON line", async () => {
  await withFolder(async (dir) => {
    const log = `${dir}/logs/schedule.log`;
    const run = await runCli(
      "schedule",
      [
        "--once",
        "--report-script",
        FAKE,
        "--log",
        log,
        "--",
        "--as-of",
        "2026-11-21",
      ],
      { cwd: dir, env: { FAKE_REPORT_COUNTER: `${dir}/count` } },
    );
    equal(run.code, 0, run.stderr);
    match(
      run.stderr,
      /building the report \(run 1, args \["--publish","--as-of","2026-11-21"\]\)/,
    );
    const [entry] = await readLog(log);
    equal(entry.event, "run");
    equal(entry.outcome, "success");
    equal(entry.runId, "20261121T010000Z");
    equal(entry.url, "http://example.test/weekly/");
    equal(entry.attempt, 1);
    equal(run.stdout.trim(), JSON.stringify(entry));
  });
});

Deno.test("deno task schedule --once retries a failing report and logs every attempt", async () => {
  await withFolder(async (dir) => {
    const log = `${dir}/schedule.log`;
    const run = await runCli(
      "schedule",
      [
        "--once",
        "--report-script",
        FAKE,
        "--log",
        log,
        "--attempts",
        "3",
        "--retry-delays",
        "0s",
      ],
      {
        cwd: dir,
        env: {
          FAKE_REPORT_COUNTER: `${dir}/count`,
          FAKE_REPORT_FAIL_UNTIL: "2",
        },
      },
    );
    equal(run.code, 0, run.stderr);
    const entries = await readLog(log);
    deepEqual(entries.map((e) => [e.attempt, e.outcome]), [[1, "failure"], [
      2,
      "failure",
    ], [3, "success"]]);
    equal(
      entries[0].error,
      'The report run failed: Cannot publish to "s3://reports/weekly/": the bucket does not exist',
    );
  });
});

Deno.test("deno task schedule refuses an invalid cron schedule from BASKET_SCHEDULE", async () => {
  await withFolder(async (dir) => {
    const run = await runCli("schedule", ["--once"], {
      cwd: dir,
      env: { BASKET_SCHEDULE: "0 25 * * *" },
    });
    equal(run.code, 2);
    equal(
      run.stderr.trim(),
      'error: Invalid cron schedule "0 25 * * *": hour "25" is out of range 0-23',
    );
  });
});

Deno.test("deno task schedule runs at start and again when Deno.cron fires, until it is stopped", async () => {
  await withFolder(async (dir) => {
    const log = `${dir}/schedule.log`;
    const child = await startSchedule("* * * * *", dir, log);
    try {
      // Deno.cron fires at the start of each minute: wait for the start run and one tick.
      let entries: { runId: string; trigger: string }[] = [];
      for (let waited = 0; waited < 150 && entries.length < 2; waited++) {
        await new Promise((resolve) => setTimeout(resolve, 1000));
        entries = await readLog(log).catch(() => []);
      }
      deepEqual(entries.slice(0, 2).map((e) => [e.trigger, e.runId]), [
        ["start", "20261121T010000Z"],
        ["cron", "20261121T020000Z"],
      ]);
    } finally {
      child.kill("SIGTERM");
      const status = await child.status;
      await child.stdout.cancel();
      await child.stderr.cancel();
      equal(status.code, 0);
    }
  });
});

Deno.test("deno task schedule refuses a cron schedule that never fires, with exit 2", async () => {
  await withFolder(async (dir) => {
    const run = await runCli("schedule", ["--cron", "0 0 31 2 *"], {
      cwd: dir,
    });
    equal(run.code, 2);
    equal(
      run.stderr.trim(),
      'error: Invalid cron schedule "0 0 31 2 *": it never fires: no month in "2" has day "31"',
    );
  });
});

Deno.test("deno task schedule, stopped by SIGTERM during a run, logs the attempt as interrupted, stops the report and exits 0", async () => {
  await withFolder(async (dir) => {
    const log = `${dir}/schedule.log`;
    const child = await startSchedule("0 0 1 1 *", dir, log, {
      FAKE_REPORT_SLEEP_MS: "60000",
    });
    let status: Deno.CommandStatus | undefined;
    try {
      // The report has started once the fake counted its run.
      for (let waited = 0; waited < 300; waited++) {
        if (await Deno.readTextFile(`${dir}/count`).catch(() => "")) break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      const started = Date.now();
      child.kill("SIGTERM");
      status = await child.status;
      ok(Date.now() - started < 15_000, "the schedule took long to stop");
    } finally {
      if (!status) child.kill("SIGKILL");
      await child.status;
      await child.stdout.cancel();
      await child.stderr.cancel();
    }
    equal(status.code, 0);
    const entries = await readLog(log);
    deepEqual(
      entries.map((e) => [e.event, e.outcome, e.signal, e.trigger]),
      [
        ["run", "interrupted", "SIGTERM", "start"],
        ["stopped", undefined, "SIGTERM", undefined],
      ],
    );
  });
});
