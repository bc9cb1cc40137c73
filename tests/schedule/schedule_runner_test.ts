import { deepEqual, equal } from "node:assert/strict";
import {
  createScheduleRunner,
  type ScheduleLogEntry,
} from "../../src/schedule/schedule_runner.ts";
import { startSchedule } from "../../src/schedule/start_schedule.ts";

/** A clock that moves one second each time it is read. */
function fakeClock() {
  let t = Date.parse("2026-11-21T00:00:00Z");
  return () => new Date(t += 1000);
}

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

Deno.test("startSchedule() runs the report at start and again on each cron tick", async () => {
  const entries: ScheduleLogEntry[] = [];
  let runs = 0;
  const registered: {
    name: string;
    schedule: string;
    handler: () => Promise<void>;
  }[] = [];
  const runner = createScheduleRunner({
    now: fakeClock(),
    sleep: () => Promise.resolve(),
    log: (entry) => void entries.push(entry),
    run: () => Promise.resolve({ runId: `run-${++runs}`, url: "http://x/" }),
  });
  await startSchedule({
    cron: "0 */6 * * *",
    runner,
    register: (name, schedule, handler) =>
      registered.push({ name, schedule, handler }),
  });
  deepEqual(registered.map((r) => [r.name, r.schedule]), [[
    "basket-report",
    "0 */6 * * *",
  ]]);
  // The handler returns at once; the run goes on in the runner.
  await registered[0].handler();
  await runner.idle();
  await registered[0].handler();
  await runner.idle();
  equal(runs, 3);
  deepEqual(
    entries.map((e) =>
      e.event === "run" && [e.trigger, e.outcome, e.runId, e.attempt]
    ),
    [["start", "success", "run-1", 1], ["cron", "success", "run-2", 1], [
      "cron",
      "success",
      "run-3",
      1,
    ]],
  );
  const first = entries[0];
  equal(first.event === "run" && first.start, "2026-11-21T00:00:01.000Z");
  equal(first.event === "run" && first.end, "2026-11-21T00:00:02.000Z");
  equal(first.event === "run" && first.url, "http://x/");
});

Deno.test("createScheduleRunner() never overlaps a slow run: a tick during it is skipped and logged", async () => {
  const entries: ScheduleLogEntry[] = [];
  const slow = deferred<{ runId: string }>();
  let started = 0;
  const runner = createScheduleRunner({
    now: fakeClock(),
    log: (entry) => void entries.push(entry),
    run: () => {
      started++;
      return started === 1
        ? slow.promise
        : Promise.resolve({ runId: "second" });
    },
  });
  const first = runner.tick("start");
  equal(runner.busy, true);
  equal(await runner.tick("cron"), "skipped");
  equal(await runner.tick("cron"), "skipped");
  equal(started, 1);
  slow.resolve({ runId: "first" });
  equal(await first, "success");
  equal(runner.busy, false);
  equal(await runner.tick("cron"), "success");
  deepEqual(entries.map((e) => e.event), ["skipped", "skipped", "run", "run"]);
  const skipped = entries[0];
  equal(
    skipped.event === "skipped" && skipped.reason,
    "the previous run is still going",
  );
});

Deno.test("createScheduleRunner() retries a failing run with backoff and keeps its schedule after giving up", async () => {
  const entries: ScheduleLogEntry[] = [];
  const waits: number[] = [];
  let calls = 0;
  const runner = createScheduleRunner({
    now: fakeClock(),
    sleep: (ms) => {
      waits.push(ms);
      return Promise.resolve();
    },
    log: (entry) => void entries.push(entry),
    run: () => {
      calls++;
      return calls <= 3
        ? Promise.reject(
          new Error(`Cannot publish to "s3://b/": the bucket does not exist`),
        )
        : Promise.resolve({ runId: "20261121T060000Z" });
    },
  });
  equal(await runner.tick("start"), "failure");
  deepEqual(waits, [60_000, 300_000]);
  deepEqual(
    entries.map((e) =>
      e.event === "run" && [e.attempt, e.outcome, e.retryInMs]
    ),
    [[1, "failure", 60_000], [2, "failure", 300_000], [
      3,
      "failure",
      undefined,
    ]],
  );
  const failed = entries[0];
  equal(
    failed.event === "run" && failed.error,
    `Cannot publish to "s3://b/": the bucket does not exist`,
  );
  equal(await runner.tick("cron"), "success");
  const last = entries.at(-1);
  equal(last?.event === "run" && last.runId, "20261121T060000Z");
});

Deno.test("createScheduleRunner() logs a failed attempt and the retry that succeeds", async () => {
  const entries: ScheduleLogEntry[] = [];
  let calls = 0;
  const runner = createScheduleRunner({
    now: fakeClock(),
    sleep: () => Promise.resolve(),
    attempts: 2,
    retryDelays: [10],
    log: (entry) => void entries.push(entry),
    run: () =>
      ++calls === 1
        ? Promise.reject(new Error("timeout"))
        : Promise.resolve({ runId: "r" }),
  });
  equal(await runner.tick("cron"), "success");
  deepEqual(
    entries.map((e) => e.event === "run" && [e.attempt, e.attempts, e.outcome]),
    [[1, 2, "failure"], [2, 2, "success"]],
  );
});

Deno.test("startSchedule() logs a cron tick that comes while its own run is going, although Deno.cron calls no handler whose last call is still going", async () => {
  const entries: ScheduleLogEntry[] = [];
  const slow = deferred<{ runId: string }>();
  const runner = createScheduleRunner({
    now: fakeClock(),
    log: (entry) => void entries.push(entry),
    run: () => slow.promise,
  });
  // Like Deno.cron: a tick while the handler's last call is pending is dropped.
  let handler!: () => Promise<void>;
  let pending = false;
  const fire = async () => {
    if (pending) return;
    pending = true;
    await handler().finally(() => (pending = false));
  };
  await startSchedule({
    cron: "* * * * *",
    runner,
    runAtStart: false,
    register: (_name, _schedule, h) => (handler = h),
  });
  await fire();
  await fire();
  await fire();
  equal(runner.busy, true);
  deepEqual(entries.map((e) => [e.event, "trigger" in e && e.trigger]), [
    ["skipped", "cron"],
    ["skipped", "cron"],
  ]);
  slow.resolve({ runId: "first" });
  await runner.idle();
  deepEqual(entries.map((e) => e.event), ["skipped", "skipped", "run"]);
});

Deno.test("createScheduleRunner().stop() logs the attempt going as interrupted by the signal, then stops: no retry, no later run", async () => {
  const entries: ScheduleLogEntry[] = [];
  const slow = deferred<{ runId: string }>();
  let runs = 0;
  const runner = createScheduleRunner({
    now: fakeClock(),
    sleep: () => Promise.resolve(),
    log: (entry) => void entries.push(entry),
    run: () => {
      runs++;
      return slow.promise;
    },
  });
  const tick = runner.tick("cron");
  await runner.stop("SIGTERM");
  deepEqual(entries, [
    {
      event: "run",
      trigger: "cron",
      attempt: 1,
      attempts: 3,
      start: "2026-11-21T00:00:01.000Z",
      end: "2026-11-21T00:00:02.000Z",
      outcome: "interrupted",
      signal: "SIGTERM",
    },
    { event: "stopped", at: "2026-11-21T00:00:03.000Z", signal: "SIGTERM" },
  ]);
  // The killed report process fails: that is neither logged nor retried.
  (slow as unknown as { resolve: (v: unknown) => void }).resolve(
    Promise.reject(new Error("killed")),
  );
  equal(await tick, "failure");
  equal(await runner.tick("cron"), "skipped");
  equal(runs, 1);
  equal(entries.length, 2);
});
