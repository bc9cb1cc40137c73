import { assertEquals, assertOk } from "../assert.ts";
import {
  processMemory,
  type StageMemory,
  stageTimer,
} from "../../src/pipeline/stage_timer.ts";

Deno.test("stageTimer() logs each stage's time and the process's peak memory at its end", async () => {
  let peak = 0;
  const memory: StageMemory = { peak: () => peak };
  const lines: string[] = [];
  const stage = stageTimer((line) => lines.push(line), undefined, memory);
  const value = await stage("segmentation", () => {
    peak = 1_083_400_000;
    return 7;
  });
  await stage("html", () => {
    peak = 1_090_000_000;
  });
  assertEquals(value, 7);
  assertOk(
    /^segmentation \d+\.\d\d s {2}peak 1083 MB$/.test(lines[0]),
    lines[0],
  );
  assertOk(/^html {9}\d+\.\d\d s {2}peak 1090 MB$/.test(lines[1]), lines[1]);
});

Deno.test("stageTimer() leaves the peak out of the line when the memory is unknown", async () => {
  const lines: string[] = [];
  const stage = stageTimer((line) => lines.push(line), undefined, {
    peak: () => null,
  });
  await stage("load", () => {});
  assertOk(/^load {9}\d+\.\d\d s$/.test(lines[0]), lines[0]);
});

Deno.test({
  name:
    "processMemory gives the process's peak resident memory, which grows with a block touched",
  ignore: Deno.build.os === "windows",
  fn() {
    const start = Deno.memoryUsage().rss;
    const block = new Uint8Array(200e6).fill(1);
    const peak = processMemory.peak()!;
    assertOk(
      peak - start >= 190e6,
      `the peak is ${
        (peak - start) / 1e6
      } MB above the size before a 200 MB block was touched`,
    );
    assertEquals(block[block.length - 1], 1);
  },
});
