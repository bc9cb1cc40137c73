import { deepEqual, equal, ok } from "node:assert/strict";
import { createHash } from "node:crypto";
import { Readable } from "node:stream";
import type { S3Client } from "@aws-sdk/client-s3";
import { publishRun } from "../../src/publish/publish_run.ts";
import { writeRunFixture } from "./run_fixture.ts";
import { NO_WAIT, startTestS3, type TestS3 } from "./s3_test_server.ts";

const RUN = "20261121T000000Z";
const BIG = "segments.json";
/** 20 MiB and a bit: many of readRunFiles' 1 MiB chunks, the last one partial. */
const BIG_SIZE = 20 * 1024 * 1024 + 12_345;

async function withServer(fn: (s3: TestS3, reports: string) => Promise<void>) {
  const s3 = await startTestS3();
  const reports = await Deno.makeTempDir({ prefix: "basket-reports-" });
  try {
    await fn(s3, reports);
  } finally {
    await s3.close();
    await Deno.remove(reports, { recursive: true });
  }
}

/**
 * Writes `size` pseudo-random digits to `path` a megabyte at a time (so no
 * two megabytes are alike and a reordering would show), returning their
 * SHA-256 as written.
 */
async function writeBigFile(path: string, size: number): Promise<string> {
  const hash = createHash("sha256");
  using file = await Deno.open(path, { write: true, create: true });
  let state = 0x9e3779b9;
  for (let done = 0; done < size;) {
    const chunk = new Uint8Array(Math.min(1024 * 1024, size - done));
    for (let i = 0; i < chunk.length; i++) {
      state ^= state << 13;
      state ^= state >>> 17;
      state ^= state << 5;
      chunk[i] = 48 + ((state >>> 0) % 10);
    }
    hash.update(chunk);
    for (let at = 0; at < chunk.length;) {
      at += await file.write(chunk.subarray(at));
    }
    done += chunk.length;
  }
  return hash.digest("hex");
}

/** Downloads an object a chunk at a time: its size and SHA-256. */
async function downloadHash(s3: TestS3, key: string) {
  const response = await fetch(`${s3.endpoint}/${s3.bucket}/${key}`);
  equal(response.status, 200, key);
  const hash = createHash("sha256");
  let size = 0;
  for await (const chunk of response.body!) {
    hash.update(chunk);
    size += chunk.byteLength;
  }
  return { size, sha256: hash.digest("hex") };
}

interface SentPut {
  path: string;
  body: unknown;
  headers: Record<string, string>;
}

/** Records every PUT as the SDK is about to send it (after signing). */
function recordPuts(client: S3Client): SentPut[] {
  const sent: SentPut[] = [];
  client.middlewareStack.add(
    (next) => (args) => {
      const request = args.request as SentPut & { method: string };
      if (request.method === "PUT") {
        sent.push({
          path: decodeURIComponent(request.path),
          body: request.body,
          headers: Object.fromEntries(
            Object.entries(request.headers).map(([k, v]) => [
              k.toLowerCase(),
              v,
            ]),
          ),
        });
      }
      return next(args);
    },
    { step: "finalizeRequest", name: "recordPuts", priority: "low" },
  );
  return sent;
}

Deno.test("publishRun() uploads a 20 MB file streamed from disk, and the bucket holds its exact bytes", async () => {
  await withServer(async (s3, reports) => {
    const dir = await writeRunFixture(reports, RUN);
    const sha256 = await writeBigFile(`${dir}/${BIG}`, BIG_SIZE);
    await Deno.writeFile(`${dir}/empty.csv`, new Uint8Array());
    const config = s3.config();
    const client = s3.client(config);
    const sent = recordPuts(client);
    const result = await publishRun(client, config, dir, {
      runId: RUN,
      retry: NO_WAIT,
    });
    equal(result.madeCurrent, true);
    const listed = result.manifest.files.find((f) => f.path === BIG);
    deepEqual(listed && { size: listed.size, sha256: listed.sha256 }, {
      size: BIG_SIZE,
      sha256,
    });
    deepEqual(await downloadHash(s3, `weekly/runs/${RUN}/${BIG}`), {
      size: BIG_SIZE,
      sha256,
    });
    deepEqual(await downloadHash(s3, `weekly/runs/${RUN}/empty.csv`), {
      size: 0,
      sha256: createHash("sha256").digest("hex"),
    });

    // The body went out as a stream read from disk, never as bytes in
    // memory, with its length and SHA-256 announced, and not re-encoded.
    const puts = sent.filter((p) => p.path.endsWith(`/runs/${RUN}/${BIG}`));
    equal(puts.length, 1);
    const [put] = puts;
    ok(put.body instanceof Readable, `the body is ${typeof put.body}`);
    ok(!(put.body instanceof Uint8Array));
    equal(put.headers["content-length"], String(BIG_SIZE));
    equal(
      put.headers["x-amz-checksum-sha256"],
      Buffer.from(sha256, "hex").toString("base64"),
    );
    equal(put.headers["content-encoding"], undefined);
    // Signed without hashing the body first; the signed checksum covers it.
    equal(put.headers["x-amz-content-sha256"], "UNSIGNED-PAYLOAD");
    // Every other file of the run but index.html goes the same way (the
    // empty one as an empty body).
    const streamed = sent.filter((p) =>
      p.path.includes(`/runs/${RUN}/`) && p.body instanceof Readable
    ).map((p) => p.path.split(`/runs/${RUN}/`)[1]).sort();
    deepEqual(streamed, [
      "chart.svg",
      "notebooks/01_sales_analysis.html",
      "report.json",
      "sales_by_month.csv",
      BIG,
      "top_products.csv",
    ]);
  });
});

Deno.test("publishRun() opens a file again for each attempt of its upload", async () => {
  await withServer(async (s3, reports) => {
    const dir = await writeRunFixture(reports, RUN);
    const sha256 = await writeBigFile(`${dir}/${BIG}`, BIG_SIZE);
    const config = s3.config();
    const client = s3.client(config);
    const sent = recordPuts(client);
    let failed = 0;
    // The first attempt reads the whole body, then the store fails (503).
    client.middlewareStack.add(
      (next) => async (args) => {
        const request = args.request as { method: string; path: string };
        const body = (args.request as { body?: unknown }).body;
        if (
          failed === 0 && request.method === "PUT" &&
          request.path.endsWith(`/${BIG}`) && body instanceof Readable
        ) {
          failed++;
          for await (const _ of body) { /* read to the end */ }
          throw Object.assign(new Error("Service unavailable"), {
            name: "ServiceUnavailable",
            $metadata: { httpStatusCode: 503 },
          });
        }
        return next(args);
      },
      { step: "finalizeRequest", name: "failFirstPut", priority: "low" },
    );
    const messages: string[] = [];
    await publishRun(client, config, dir, {
      runId: RUN,
      retry: NO_WAIT,
      log: (m) => messages.push(m),
    });
    equal(failed, 1);
    const puts = sent.filter((p) => p.path.endsWith(`/runs/${RUN}/${BIG}`));
    equal(puts.length, 2);
    ok(puts[0].body !== puts[1].body, "the second attempt has its own stream");
    ok(
      messages.some((m) =>
        m.startsWith(`uploading "runs/${RUN}/${BIG}" failed (attempt 1)`)
      ),
      messages.join("\n"),
    );
    deepEqual(await downloadHash(s3, `weekly/runs/${RUN}/${BIG}`), {
      size: BIG_SIZE,
      sha256,
    });
  });
});
