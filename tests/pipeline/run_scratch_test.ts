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
import {
  removeFile,
  scratchFile,
} from "../../src/pipeline/previous_segments.ts";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";

const module = (name: string) =>
  fileURLToPath(new URL(`../../src/pipeline/${name}`, import.meta.url));

/** A scratch segments.json of this run, as the build makes it. */
const RUN_SCRATCH = `
import { scratchSegmentsPath } from ${JSON.stringify(module("run_scratch.ts"))};
const path = await scratchSegmentsPath();`;

/** A scratch file for an earlier run's segments (downloaded, or decrypted). */
const EARLIER_SCRATCH = `
import { scratchFile } from ${JSON.stringify(module("previous_segments.ts"))};
const path = await scratchFile(undefined);`;

/**
 * Runs a process that makes a scratch file (`make` sets `path`), writes it
 * and waits; stops it with `signal`. Whether the file was there, and
 * whether it (`file`) or its folder is left after.
 */
async function stopped(
  signal: "SIGINT" | "SIGTERM",
  make: string,
  gone: "file" | "folder",
) {
  const script = `${make}
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
  assertOk(path.endsWith(".json"), out);
  const there = await Deno.stat(path).then(() => true, () => false);
  child.kill(signal);
  const status = await child.status;
  reader.releaseLock();
  await child.stdout.cancel().catch(() => {});
  await child.stderr.cancel();
  const target = gone === "file" ? path : dirname(path);
  const left = await Deno.stat(target).then(() => true, () => false);
  await Deno.remove(target, { recursive: true }).catch(() => {});
  return { there, left, code: status.code };
}

Deno.test("a run stopped by SIGINT or SIGTERM removes its scratch segments.json and exits as the signal would", async () => {
  for (const [signal, code] of [["SIGINT", 130], ["SIGTERM", 143]] as const) {
    const { there, left, code: exited } = await stopped(
      signal,
      RUN_SCRATCH,
      "folder",
    );
    assertOk(there, `${signal}: the scratch file was not written`);
    assertEquals(left, false, `${signal} left the scratch folder behind`);
    assertEquals(exited, code, signal);
  }
});

Deno.test("a run stopped while it holds an earlier run's segments in a scratch file removes it", async () => {
  const { there, left, code } = await stopped(
    "SIGTERM",
    EARLIER_SCRATCH,
    "file",
  );
  assertOk(there, "the scratch file was not written");
  assertEquals(left, false, "SIGTERM left the earlier run's segments behind");
  assertEquals(code, 143);
});

Deno.test("removeFile() of an earlier run's scratch file stops holding it", async () => {
  const path = await scratchFile(undefined);
  await removeFile(path);
  assertEquals(await Deno.stat(path).then(() => true, () => false), false);
  // The test's sanitizers fail it if a signal listener were left.
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
