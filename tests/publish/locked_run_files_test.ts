import { deepEqual, equal, rejects } from "node:assert/strict";
import { lockedRunFiles, readRunFiles } from "../../src/publish/run_files.ts";
import { encryptPage, lockKey } from "../../src/report/lock/encrypt_page.ts";
import { encryptSidecarFile } from "../../src/pipeline/locked_sidecar.ts";
import { FAST_ITERATIONS } from "../report/lock/locked_page.ts";

/** A locked run folder: its page and segments.json.enc beside it. */
async function lockedRun(): Promise<string> {
  const dir = await Deno.makeTempDir({ prefix: "basket-locked-run-" });
  const key = await lockKey("pw", {
    unsafeIterationsForTests: FAST_ITERATIONS,
  });
  await Deno.writeTextFile(
    `${dir}/index.html`,
    await encryptPage("<p>report</p>", { key }),
  );
  await Deno.writeTextFile(`${dir}/.segments.json`, '{"ids":["C1"]}');
  await encryptSidecarFile(
    key,
    `${dir}/.segments.json`,
    `${dir}/segments.json.enc`,
  );
  await Deno.remove(`${dir}/.segments.json`);
  return dir;
}

Deno.test("lockedRunFiles() keeps a locked page and the .enc files beside it", () => {
  deepEqual(
    lockedRunFiles([
      "index.html",
      "segments.json.enc",
      "report.json",
      "segments.json",
      "notebooks/a.enc",
      "notebooks/index.html",
    ]),
    ["index.html", "segments.json.enc"],
  );
});

Deno.test("readRunFiles() publishes a locked page with its encrypted segments.json.enc, with or without onlyIndex", async () => {
  const dir = await lockedRun();
  try {
    for (const onlyIndex of [false, true]) {
      const files = await readRunFiles(dir, { onlyIndex });
      deepEqual(files.map((f) => f.path), ["index.html", "segments.json.enc"]);
      equal(files[1].contentType, "application/octet-stream");
    }
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("readRunFiles() still refuses a locked run with files in clear beside it, a clear .enc among them", async () => {
  const dir = await lockedRun();
  try {
    await Deno.writeTextFile(`${dir}/report.json`, '{"total":1}');
    await rejects(
      readRunFiles(dir),
      /its index.html is locked, but 1 files beside it hold the report's data in clear \(report.json\)/,
    );
    // --only-index leaves report.json behind, and keeps the sidecar.
    deepEqual(
      (await readRunFiles(dir, { onlyIndex: true })).map((f) => f.path),
      ["index.html", "segments.json.enc"],
    );
    await Deno.remove(`${dir}/report.json`);
    await Deno.writeTextFile(`${dir}/customers.enc`, '{"ids":["C1"]}');
    for (const onlyIndex of [false, true]) {
      await rejects(
        readRunFiles(dir, { onlyIndex }),
        /1 files beside it hold the report's data in clear \(customers.enc\)/,
      );
    }
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
