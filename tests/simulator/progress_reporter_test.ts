import { assertEquals } from "../assert.ts";
import {
  createProgressReporter,
  progressBar,
} from "../../src/simulator/progress_reporter.ts";

function recorder(terminal: boolean, times: number[]) {
  const out: string[] = [];
  let i = 0;
  const reporter = createProgressReporter({
    write: (text) => out.push(text),
    terminal,
    now: () => times[Math.min(i++, times.length - 1)],
  });
  return { out, reporter };
}

Deno.test("progressBar() fills in proportion and stays within its width", () => {
  assertEquals(progressBar(0, 4), "[----]");
  assertEquals(progressBar(0.5, 4), "[##--]");
  assertEquals(progressBar(2, 4), "[####]");
});

Deno.test("a progress reporter on a terminal redraws one line in place and clears it when done", () => {
  const { out, reporter } = recorder(true, [0, 0, 50, 500, 600]);
  reporter.update("Simulating", 0.1, "day 9/90");
  reporter.update("Simulating", 0.2, "day 18/90");
  reporter.update("Simulating", 0.5, "day 45/90");
  reporter.done();
  assertEquals(out, [
    "\r\x1b[KSimulating [###---------------------------] 10% day 9/90",
    "\r\x1b[KSimulating [###############---------------] 50% day 45/90",
    "\r\x1b[K",
  ]);
});

Deno.test("a progress reporter in a log prints nothing for a short run", () => {
  const { out, reporter } = recorder(false, [0, 100, 200, 300]);
  reporter.update("Simulating", 0.3, "day 27/90");
  reporter.update("Simulating", 0.8, "day 72/90");
  reporter.note("Converting to Parquet");
  reporter.done();
  assertEquals(out, []);
});

Deno.test("a progress reporter in a log prints a line per quarter for a long run", () => {
  const { out, reporter } = recorder(false, [0, 6_000]);
  for (let day = 1; day <= 90; day++) {
    reporter.update("Simulating", day / 90, `day ${day}/90`);
  }
  reporter.note("Converting to Parquet");
  assertEquals(out, [
    "Simulating: 25% day 23/90\n",
    "Simulating: 50% day 45/90\n",
    "Simulating: 75% day 68/90\n",
    "Converting to Parquet\n",
  ]);
});
