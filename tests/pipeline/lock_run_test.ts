import { equal, ok } from "node:assert/strict";
import { lockRun } from "../../src/pipeline/lock_run.ts";
import type { RunFile } from "../../src/pipeline/write_run.ts";
import { decryptPage } from "../../src/report/lock/decrypt_page.ts";

Deno.test("lockRun() names the run on segments.json's button, so that a bucket's top-level copy of the page finds runs/<run id>/segments.json.enc", async () => {
  const dir = await Deno.makeTempDir({ prefix: "basket-lock-run-" });
  try {
    const segments = `${dir}/segments.json`;
    await Deno.writeTextFile(
      segments,
      '{"schema":"basket-segments/1","asOf":null,"source":"s","fingerprint":"f","segments":["Lost"],"ids":["a"],"segment":"A","revenue":[1]}\n',
    );
    const runId = "20260102T030405Z";
    const locked = await lockRun(
      new Map<string, RunFile>([
        ["index.html", "<html><body><p>Report</p></body></html>"],
        ["report.json", "{}"],
        ["segments.json", { path: segments }],
      ]),
      { password: "mango orbit velvet canyon", runId },
    );
    equal(locked.beside.length, 1);
    equal(locked.beside[0][0], "segments.json.enc");
    const page = await decryptPage(locked.page, "mango orbit velvet canyon");
    const button = /<button [^>]*data-download="segments.json"[^>]*>/.exec(
      page,
    );
    ok(button, "the unlocked page has no segments.json button");
    ok(button[0].includes("data-download-sidecar"), button[0]);
    ok(button[0].includes(`data-download-run="${runId}"`), button[0]);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
