/**
 * A run's scratch segments.json (every customer's id and spend, in clear
 * even for a locked run) is removed when the run is stopped by Ctrl-C or
 * a scheduler's SIGTERM, not only when it ends: a process of its own is
 * stopped while its scratch file is live.
 */
import { assertEquals, assertOk } from "../assert.ts";
import {
  discardSegments,
  scratchSegmentsPath,
} from "../../src/pipeline/run_scratch.ts";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";

const MODULE = fileURLToPath(
  new URL("../../src/pipeline/run_scratch.ts", import.meta.url),
);

/** Runs a process that writes a scratch file and waits; stops it with `signal`. */
async function stopped(signal: "SIGINT" | "SIGTERM") {
  const script = `
import { scratchSegmentsPath } from ${JSON.stringify(MODULE)};
const path = await scratchSegmentsPath();
await Deno.writeTextFile(path, '{"ids":["C-1"]}');
console.log(path);
await new Promise((resolve) => setTimeout(resolve, 60_000));
`;
  const child = new Deno.Command(Deno.execPath(), {
    args: ["run", "--allow-all", "--no-lock", "-"],
    stdin: "piped",
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  const writer = child.stdin.getWriter();
  await writer.write(new TextEncoder().encode(script));
  await writer.close();
  const reader = child.stdout.pipeThrough(new TextDecoderStream()).getReader();
  let out = "";
  while (!out.includes("\n")) {
    const { value, done } = await reader.read();
    if (done) break;
    out += value;
  }
  const path = out.trim();
  assertOk(path.endsWith("segments.json"), out);
  const there = await Deno.stat(path).then(() => true, () => false);
  child.kill(signal);
  const status = await child.status;
  reader.releaseLock();
  await child.stdout.cancel().catch(() => {});
  await child.stderr.cancel();
  const left = await Deno.stat(dirname(path)).then(() => true, () => false);
  await Deno.remove(dirname(path), { recursive: true }).catch(() => {});
  return { there, left, code: status.code };
}

Deno.test("a run stopped by SIGINT or SIGTERM removes its scratch segments.json and exits as the signal would", async () => {
  for (const [signal, code] of [["SIGINT", 130], ["SIGTERM", 143]] as const) {
    const { there, left, code: exited } = await stopped(signal);
    assertOk(there, `${signal}: the scratch file was not written`);
    assertEquals(left, false, `${signal} left the scratch folder behind`);
    assertEquals(exited, code, signal);
  }
});

Deno.test("discardSegments() removes the scratch folder and stops listening for the signals", async () => {
  const path = await scratchSegmentsPath();
  await Deno.writeTextFile(path, "{}");
  await discardSegments(path);
  assertEquals(
    await Deno.stat(dirname(path)).then(() => true, () => false),
    false,
  );
  // The test's sanitizers fail it if a signal listener were left.
});
