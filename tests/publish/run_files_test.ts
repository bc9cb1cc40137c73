import { deepEqual, equal, match, ok } from "node:assert/strict";
import { createHash } from "node:crypto";
import { MAX_PUT_BYTES, readRunFiles } from "../../src/publish/run_files.ts";
import { runFixtureFiles, writeRunFixture } from "./run_fixture.ts";
import { rejection } from "./rejection.ts";

const RUN = "20261121T000000Z";

async function withRunDir(fn: (dir: string) => Promise<void>) {
  const reports = await Deno.makeTempDir({ prefix: "basket-reports-" });
  try {
    await fn(await writeRunFixture(reports, RUN));
  } finally {
    await Deno.remove(reports, { recursive: true });
  }
}

const hex = (algorithm: string, bytes: Uint8Array) =>
  createHash(algorithm).update(bytes).digest("hex");

Deno.test("readRunFiles() keeps only index.html's bytes, and the size and checksums of every file as on disk", async () => {
  await withRunDir(async (dir) => {
    // 3.5 MiB of varied bytes: several chunks of the hashing, the last partial.
    const big = new Uint8Array(3.5 * 1024 * 1024);
    for (let i = 0; i < big.length; i++) big[i] = (i * 7919 + (i >> 11)) & 255;
    await Deno.writeFile(`${dir}/segments.json`, big);
    const files = await readRunFiles(dir);
    deepEqual(
      files.map((f) => f.path),
      [...Object.keys(runFixtureFiles(RUN)), "segments.json"].sort(),
    );
    for (const file of files) {
      const bytes = await Deno.readFile(`${dir}/${file.path}`);
      equal(file.localPath, `${dir}/${file.path}`);
      equal(file.size, bytes.byteLength, file.path);
      equal(file.sha256, hex("sha256", bytes), file.path);
      equal(file.md5, hex("md5", bytes), file.path);
      if (file.path === "index.html") {
        deepEqual(file.bytes, bytes);
      } else {
        ok(!("bytes" in file), `${file.path} is not held in memory`);
      }
    }
  });
});

Deno.test("readRunFiles() refuses a file larger than one S3 upload takes, before reading it", async () => {
  await withRunDir(async (dir) => {
    // A sparse file: its size without its bytes on disk.
    using file = await Deno.open(`${dir}/segments.json`, {
      write: true,
      create: true,
    });
    await file.truncate(MAX_PUT_BYTES + 1);
    const error = await rejection(() => readRunFiles(dir), Error);
    match(
      error.message,
      /^Cannot publish run folder ".*": "segments\.json" has 5368709121 bytes, more than the 5368709120 bytes \(5 GiB\) that S3 takes in one upload$/,
    );
  });
});
