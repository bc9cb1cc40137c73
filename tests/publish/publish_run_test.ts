import { deepEqual, equal, match, ok } from "node:assert/strict";
import { rejection } from "./rejection.ts";
import { createHash } from "node:crypto";
import { publishRun } from "../../src/publish/publish_run.ts";
import { PublishError } from "../../src/publish/publish_error.ts";
import { runFixtureFiles, writeRunFixture } from "./run_fixture.ts";
import { NO_WAIT, startTestS3, type TestS3 } from "./s3_test_server.ts";

const RUN_1 = "20261121T000000Z";
const RUN_2 = "20261121T060000Z";
const NOW = () => new Date("2026-11-21T12:00:00Z");

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

async function download(s3: TestS3, key: string) {
  const response = await fetch(`${s3.endpoint}/${s3.bucket}/${key}`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  return { status: response.status, headers: response.headers, bytes };
}

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
const sha256 = (bytes: Uint8Array) =>
  createHash("sha256").update(bytes).digest("hex");

Deno.test("publishRun() stores every file with its content type and caching, and the manifest's checksums match the downloads", async () => {
  await withServer(async (s3, reports) => {
    const dir = await writeRunFixture(reports, RUN_1);
    const config = s3.config();
    const result = await publishRun(s3.client(config), config, dir, {
      runId: RUN_1,
      parameters: { asOf: "2026-11-21" },
      dataFingerprint: "sha256:abc",
      version: "0.1.0",
      now: NOW,
      retry: NO_WAIT,
    });
    deepEqual(result.uploaded, 6);
    const expectedTypes: Record<string, string> = {
      "index.html": "text/html; charset=utf-8",
      "report.json": "application/json",
      "sales_by_month.csv": "text/csv; charset=utf-8",
      "top_products.csv": "text/csv; charset=utf-8",
      "notebooks/01_sales_analysis.html": "text/html; charset=utf-8",
      "chart.svg": "image/svg+xml",
    };
    const manifestDownload = await download(
      s3,
      `weekly/runs/${RUN_1}/manifest.json`,
    );
    deepEqual(manifestDownload.headers.get("content-type"), "application/json");
    const manifest = JSON.parse(text(manifestDownload.bytes));
    deepEqual(manifest.runId, RUN_1);
    deepEqual(manifest.version, "0.1.0");
    deepEqual(manifest.dataFingerprint, "sha256:abc");
    deepEqual(manifest.parameters, { asOf: "2026-11-21" });
    deepEqual(manifest.publishedAt, "2026-11-21T12:00:00.000Z");
    deepEqual(
      manifest.files.map((f: { path: string }) => f.path).sort(),
      Object.keys(expectedTypes).sort(),
    );
    for (const file of manifest.files) {
      const got = await download(s3, `weekly/runs/${RUN_1}/${file.path}`);
      deepEqual(got.status, 200, file.path);
      deepEqual(
        got.headers.get("content-type"),
        expectedTypes[file.path],
        file.path,
      );
      deepEqual(
        got.headers.get("cache-control"),
        "public, max-age=31536000, immutable",
      );
      deepEqual(sha256(got.bytes), file.sha256, file.path);
      deepEqual(got.bytes.byteLength, file.size, file.path);
      deepEqual(file.contentType, expectedTypes[file.path]);
    }
    const index = await download(s3, "weekly/index.html");
    deepEqual(index.headers.get("content-type"), "text/html; charset=utf-8");
    deepEqual(index.headers.get("cache-control"), "no-cache");
    deepEqual(text(index.bytes), runFixtureFiles(RUN_1)["index.html"]);
    const current = await download(s3, "weekly/current.json");
    deepEqual(current.headers.get("cache-control"), "no-cache");
    deepEqual(JSON.parse(text(current.bytes)).runId, RUN_1);
  });
});

Deno.test("publishRun() leaves the previous report current and intact when the server stops in the middle", async () => {
  await withServer(async (s3, reports) => {
    const config = s3.config();
    const first = await writeRunFixture(reports, RUN_1);
    await publishRun(s3.client(config), config, first, {
      runId: RUN_1,
      retry: NO_WAIT,
    });
    const before = await download(s3, "weekly/index.html");

    const second = await writeRunFixture(reports, RUN_2);
    const error = await rejection(
      () =>
        publishRun(s3.client(config), config, second, {
          runId: RUN_2,
          retry: NO_WAIT,
          concurrency: 1,
          onUploaded: async (_path, count) => {
            if (count === 2) await s3.stop();
          },
        }),
      PublishError,
    );
    match(
      error.message,
      new RegExp(
        `^Cannot publish to "s3://reports/weekly/": uploading "runs/${RUN_2}/[^"]+" failed after 3 attempts: the server at "${s3.endpoint}" did not answer \\(ECONNREFUSED\\)$`,
      ),
    );

    await s3.start();
    const after = await download(s3, "weekly/index.html");
    deepEqual(after.bytes, before.bytes);
    deepEqual(
      JSON.parse(text((await download(s3, "weekly/current.json")).bytes)).runId,
      RUN_1,
    );
    deepEqual(
      (await download(s3, `weekly/runs/${RUN_2}/manifest.json`)).status,
      404,
    );
    for (const file of ["index.html", "report.json", "sales_by_month.csv"]) {
      deepEqual(
        (await download(s3, `weekly/runs/${RUN_1}/${file}`)).status,
        200,
      );
    }
  });
});

Deno.test("publishRun() succeeds when the server comes back during the backoff", async () => {
  await withServer(async (s3, reports) => {
    const config = s3.config();
    const dir = await writeRunFixture(reports, RUN_1);
    const waits: number[] = [];
    const messages: string[] = [];
    const result = await publishRun(s3.client(config), config, dir, {
      runId: RUN_1,
      concurrency: 1,
      log: (m) => messages.push(m),
      retry: {
        attempts: 3,
        delays: [1000, 5000],
        sleep: async (ms) => {
          waits.push(ms);
          await s3.start();
        },
      },
      onUploaded: async (_path, count) => {
        if (count === 3) await s3.stop();
      },
    });
    deepEqual(result.runId, RUN_1);
    deepEqual(waits, [1000]);
    ok(
      messages.some((m) =>
        /failed \(attempt 1\), retrying in 1 s: .*ECONNREFUSED/.test(m)
      ),
      messages.join("\n"),
    );
    deepEqual(
      text((await download(s3, "weekly/index.html")).bytes),
      runFixtureFiles(RUN_1)["index.html"],
    );
  });
});

Deno.test("publishRun() keeps the last N runs and deletes exactly the older ones", async () => {
  await withServer(async (s3, reports) => {
    const config = s3.config({ keep: 2 });
    const ids = [
      "20261120T000000Z",
      "20261120T060000Z",
      "20261120T120000Z",
      "20261120T180000Z",
    ];
    const deleted: string[][] = [];
    for (const runId of ids) {
      const dir = await writeRunFixture(reports, runId);
      const result = await publishRun(s3.client(config), config, dir, {
        runId,
        retry: NO_WAIT,
        retentionGraceMs: 0,
      });
      deleted.push(result.deleted);
    }
    deepEqual(deleted, [[], [], [ids[0]], [ids[1]]]);
    for (const [i, runId] of ids.entries()) {
      const status =
        (await download(s3, `weekly/runs/${runId}/index.html`)).status;
      deepEqual(status, i < 2 ? 404 : 200, runId);
    }
    const left = await Array.fromAsync(
      Deno.readDir(`${s3.directory}/reports/weekly/runs`),
    );
    deepEqual(left.map((e) => e.name).sort(), [ids[2], ids[3]]);
  });
});

Deno.test("publishRun() with onlyIndex uploads only index.html and a manifest without parameters", async () => {
  await withServer(async (s3, reports) => {
    const config = s3.config();
    const dir = await writeRunFixture(reports, RUN_1);
    await publishRun(s3.client(config), config, dir, {
      runId: RUN_1,
      onlyIndex: true,
      parameters: { secret: "store list" },
      retry: NO_WAIT,
    });
    const manifest = JSON.parse(
      text((await download(s3, `weekly/runs/${RUN_1}/manifest.json`)).bytes),
    );
    deepEqual(manifest.encrypted, true);
    deepEqual("parameters" in manifest, false);
    deepEqual(manifest.files.map((f: { path: string }) => f.path), [
      "index.html",
    ]);
    for (
      const file of [
        "report.json",
        "sales_by_month.csv",
        "notebooks/01_sales_analysis.html",
      ]
    ) {
      deepEqual(
        (await download(s3, `weekly/runs/${RUN_1}/${file}`)).status,
        404,
        file,
      );
    }
  });
});

Deno.test("publishRun() republishes a run without uploading it again, never over a newer run, and refuses one whose files differ", async () => {
  await withServer(async (s3, reports) => {
    const config = s3.config();
    const one = await writeRunFixture(reports, RUN_1);
    const two = await writeRunFixture(reports, RUN_2);
    await publishRun(s3.client(config), config, one, {
      runId: RUN_1,
      retry: NO_WAIT,
    });
    await publishRun(s3.client(config), config, two, {
      runId: RUN_2,
      retry: NO_WAIT,
    });
    const messages: string[] = [];
    const again = await publishRun(s3.client(config), config, one, {
      runId: RUN_1,
      retry: NO_WAIT,
      log: (m) => messages.push(m),
    });
    deepEqual(
      [again.uploaded, again.madeCurrent, again.current, again.newer],
      [0, false, RUN_2, RUN_2],
    );
    ok(
      messages.includes(
        `run ${RUN_1} is published but not made current: run ${RUN_2} is newer; "deno task publish --rollback ${RUN_1}" makes it current on purpose`,
      ),
      messages.join("\n"),
    );
    deepEqual(
      JSON.parse(text((await download(s3, "weekly/current.json")).bytes)).runId,
      RUN_2,
    );
    const current = await publishRun(s3.client(config), config, two, {
      runId: RUN_2,
      retry: NO_WAIT,
    });
    deepEqual([current.uploaded, current.madeCurrent], [0, true]);

    await Deno.writeTextFile(
      `${one}/top_products.csv`,
      "product,amount\nTea,1\n",
    );
    const error = await rejection(
      () =>
        publishRun(s3.client(config), config, one, {
          runId: RUN_1,
          retry: NO_WAIT,
        }),
      PublishError,
    );
    deepEqual(
      error.message,
      `Cannot publish to "s3://reports/weekly/": run "${RUN_1}" is already published with different files: publish under a new run id`,
    );
  });
});

Deno.test("publishRun() says plainly when the bucket does not exist", async () => {
  await withServer(async (s3, reports) => {
    const config = s3.config({ bucket: "no-such-bucket" });
    const dir = await writeRunFixture(reports, RUN_1);
    const error = await rejection(
      () =>
        publishRun(s3.client(config), config, dir, {
          runId: RUN_1,
          retry: NO_WAIT,
        }),
      PublishError,
    );
    deepEqual(
      error.message,
      `Cannot publish to "s3://no-such-bucket/weekly/": the bucket does not exist`,
    );
  });
});

Deno.test("publishRun() refuses a run folder without index.html before touching the bucket", async () => {
  await withServer(async (s3, reports) => {
    const config = s3.config();
    const dir = await writeRunFixture(reports, RUN_1, { "report.json": "{}" });
    const error = await rejection(
      () =>
        publishRun(s3.client(config), config, dir, {
          runId: RUN_1,
          retry: NO_WAIT,
        }),
      Error,
    );
    equal(
      error.message,
      `Cannot publish run folder "${dir}": it has no index.html`,
    );
    deepEqual(
      (await download(s3, `weekly/runs/${RUN_1}/report.json`)).status,
      404,
    );
  });
});
