import { assertEquals } from "../assert.ts";
import {
  progressTicker,
  type TickerClock,
} from "../../src/cli/progress_ticker.ts";
import { parseStageTimes } from "../../bench/stage_times.ts";

/** A clock moved by hand, with one interval. */
function fakeClock() {
  let now = 0;
  let tick: (() => void) | null = null;
  let cleared = false;
  const clock: TickerClock = {
    now: () => now,
    setInterval: (fn) => {
      tick = fn;
      return 1;
    },
    clearInterval: () => {
      cleared = true;
    },
  };
  return {
    clock,
    advance(ms: number) {
      now += ms;
      tick?.();
    },
    get cleared() {
      return cleared;
    },
  };
}

Deno.test("progressTicker() names the running stage and its time at every tick", () => {
  const lines: string[] = [];
  const fake = fakeClock();
  const ticker = progressTicker((line) => lines.push(line), {
    clock: fake.clock,
  });
  fake.advance(1000); // before any stage: nothing to say
  ticker.stageRunning("load");
  fake.advance(2000);
  fake.advance(2000);
  ticker.stageRunning(null);
  fake.advance(2000); // between stages: quiet
  ticker.stageRunning("segmentation");
  fake.advance(2000);
  ticker.stop();
  fake.advance(2000);
  assertEquals(lines, [
    "load running, 2 s so far (3 s in all)",
    "load running, 4 s so far (5 s in all)",
    "segmentation running, 2 s so far (9 s in all)",
  ]);
  assertEquals(fake.cleared, true);
});

Deno.test("progressTicker() lines are not read as stage times by the bench", () => {
  const lines: string[] = [];
  const fake = fakeClock();
  const ticker = progressTicker((line) => lines.push(line), {
    clock: fake.clock,
  });
  ticker.stageRunning("load");
  fake.advance(12_000);
  ticker.stop();
  assertEquals(lines.length, 1);
  assertEquals(parseStageTimes(lines.join("\n")), []);
});

Deno.test("tickerInWorker() keeps saying which stage runs while the main thread is held", async () => {
  const output = await new Deno.Command(Deno.execPath(), {
    args: [
      "run",
      "--allow-read",
      new URL("./busy_stage.ts", import.meta.url).pathname,
      "5",
    ],
    stdout: "piped",
    stderr: "piped",
  }).output();
  const stderr = new TextDecoder().decode(output.stderr);
  assertEquals(output.code, 0, stderr);
  // The main thread never yielded during the stage: these lines come from
  // the ticker's own thread.
  const lines = stderr.split("\n").filter((l) => l.startsWith("busy running"));
  assertEquals(lines.length >= 1, true, stderr);
});
