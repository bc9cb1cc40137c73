/**
 * `deno task bench --publish-mb N`: the memory of publishing a run whose
 * `segments.json` is large. Writes two run folders, each a small page and
 * `report.json` beside a `segments.json` of 1 MB and of N MB (pseudo-random
 * digits), and publishes each with `deno task publish` to a local
 * S3-protocol server (s3rver, in this process) under GNU time
 * (`/usr/bin/time -v`): wall time and peak resident memory. Publishing
 * streams files from disk, so the two peaks should be about the same.
 * Checks that the bucket holds the file's exact bytes (SHA-256).
 *
 * @module
 */
import S3rver from "s3rver";
import { createHash } from "node:crypto";
import { TIME } from "./bench_machine.ts";
import { denoPath } from "./simulate_data.ts";
import { parseTimeVerbose, type ProcessUsage } from "./time_verbose.ts";

const ROOT = new URL("../", import.meta.url).pathname;
const BUCKET = "bench";
const MB = 1024 * 1024;

/** One publish measured. */
export interface PublishRun extends ProcessUsage {
  /** Size of the run's `segments.json` in MiB. */
  segmentsMb: number;
  error: string | null;
}

/** Publishes runs with a `segments.json` of 1 and `mb` MiB; prints and returns their usage. */
export async function publishBench(mb: number): Promise<PublishRun[]> {
  const scratch = await Deno.makeTempDir({ prefix: "basket-bench-publish-" });
  const server = new S3rver({
    port: 0,
    address: "127.0.0.1",
    silent: true,
    directory: `${scratch}/s3`,
    configureBuckets: [{ name: BUCKET, configs: [] }],
  });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  const runs: PublishRun[] = [];
  try {
    for (const [i, size] of [1, mb].entries()) {
      const runId = `20261205T00000${i}Z`;
      const dir = `${scratch}/${runId}`;
      await Deno.mkdir(dir);
      await Deno.writeTextFile(
        `${dir}/index.html`,
        `<!doctype html><html lang="en"><title>Basket ${runId}</title><p>Report</p></html>\n`,
      );
      await Deno.writeTextFile(`${dir}/report.json`, `{"runId":"${runId}"}\n`);
      const sha256 = await writeDigits(`${dir}/segments.json`, size * MB);
      console.error(`publishing a run with a ${size} MiB segments.json`);
      const run = await timedPublish(dir, runId, endpoint, size);
      if (run.error === null) {
        const got = await downloadSha256(
          `${endpoint}/${BUCKET}/runs/${runId}/segments.json`,
        );
        if (got !== sha256) {
          run.error =
            `the bucket's segments.json has SHA-256 ${got}, not ${sha256}`;
        }
      }
      runs.push(run);
      await Deno.remove(dir, { recursive: true });
    }
  } finally {
    await server.close();
    await Deno.remove(scratch, { recursive: true });
  }
  console.log(formatPublishRuns(runs));
  return runs;
}

/** The runs as a table for the terminal. */
export function formatPublishRuns(runs: readonly PublishRun[]): string {
  return [
    "segments.json  wall     peak RSS",
    ...runs.map((r) =>
      `${`${r.segmentsMb} MiB`.padEnd(13)}  ${
        `${r.wallSeconds.toFixed(2)} s`.padEnd(7)
      }  ${(r.maxRssBytes / 1e6).toFixed(1)} MB${
        r.error ? `  FAILED: ${r.error}` : ""
      }`
    ),
  ].join("\n");
}

async function timedPublish(
  dir: string,
  runId: string,
  endpoint: string,
  segmentsMb: number,
): Promise<PublishRun> {
  const report = await Deno.makeTempFile({ prefix: "basket-time-" });
  try {
    const output = await new Deno.Command(TIME, {
      args: [
        "-v",
        "-o",
        report,
        Deno.execPath(),
        "task",
        "--quiet",
        `--config=${ROOT}deno.json`,
        "publish",
        dir,
        "--run-id",
        runId,
        "--bucket",
        BUCKET,
        "--endpoint",
        endpoint,
        "--path-style",
      ],
      cwd: ROOT,
      clearEnv: true,
      env: {
        PATH: denoPath(),
        HOME: Deno.env.get("HOME") ?? "/root",
        ...(Deno.env.get("DENO_DIR")
          ? { DENO_DIR: Deno.env.get("DENO_DIR")! }
          : {}),
        NO_COLOR: "1",
        AWS_ACCESS_KEY_ID: "S3RVER",
        AWS_SECRET_ACCESS_KEY: "S3RVER",
        AWS_REGION: "us-east-1",
        AWS_CONFIG_FILE: "/nonexistent/aws-config",
        AWS_SHARED_CREDENTIALS_FILE: "/nonexistent/aws-credentials",
        AWS_EC2_METADATA_DISABLED: "true",
      },
      stdout: "piped",
      stderr: "piped",
    }).output();
    const usage = parseTimeVerbose(await Deno.readTextFile(report));
    const stderr = new TextDecoder().decode(output.stderr);
    return {
      ...usage,
      segmentsMb,
      error: usage.exitStatus === 0
        ? null
        : stderr.trim().split("\n").slice(-3).join(" / "),
    };
  } finally {
    await Deno.remove(report);
  }
}

/** Writes `size` pseudo-random digits a megabyte at a time; returns their SHA-256. */
async function writeDigits(path: string, size: number): Promise<string> {
  const hash = createHash("sha256");
  using file = await Deno.open(path, { write: true, create: true });
  let state = 0x2545f491;
  const chunk = new Uint8Array(MB);
  for (let done = 0; done < size;) {
    const part = chunk.subarray(0, Math.min(MB, size - done));
    for (let i = 0; i < part.length; i++) {
      state ^= state << 13;
      state ^= state >>> 17;
      state ^= state << 5;
      part[i] = 48 + ((state >>> 0) % 10);
    }
    hash.update(part);
    for (let at = 0; at < part.length;) {
      at += await file.write(part.subarray(at));
    }
    done += part.length;
  }
  return hash.digest("hex");
}

async function downloadSha256(url: string): Promise<string> {
  const response = await fetch(url);
  if (!response.ok || !response.body) {
    await response.body?.cancel();
    return `(HTTP ${response.status})`;
  }
  const hash = createHash("sha256");
  for await (const chunk of response.body) hash.update(chunk);
  return hash.digest("hex");
}
