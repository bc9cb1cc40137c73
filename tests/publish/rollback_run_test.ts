import { deepEqual, equal } from "node:assert/strict";
import { DeleteObjectCommand } from "@aws-sdk/client-s3";
import { publishRun } from "../../src/publish/publish_run.ts";
import { PublishError } from "../../src/publish/publish_error.ts";
import { rollbackRun } from "../../src/publish/rollback_run.ts";
import { listRuns } from "../../src/publish/list_runs.ts";
import { runFixtureFiles, writeRunFixture } from "./run_fixture.ts";
import { NO_WAIT, startTestS3, type TestS3 } from "./s3_test_server.ts";
import { rejection } from "./rejection.ts";

const RUNS = ["20261120T000000Z", "20261120T060000Z", "20261120T120000Z"];

async function withThreeRuns(fn: (s3: TestS3) => Promise<void>) {
  const s3 = await startTestS3();
  const reports = await Deno.makeTempDir({ prefix: "basket-reports-" });
  try {
    const config = s3.config();
    for (const runId of RUNS) {
      const dir = await writeRunFixture(reports, runId);
      await publishRun(s3.client(config), config, dir, {
        runId,
        retry: NO_WAIT,
      });
    }
    await fn(s3);
  } finally {
    await s3.close();
    await Deno.remove(reports, { recursive: true });
  }
}

const topIndex = async (s3: TestS3) => {
  const response = await fetch(`${s3.endpoint}/${s3.bucket}/weekly/index.html`);
  return await response.text();
};

Deno.test("rollbackRun() makes an earlier run the current one again", async () => {
  await withThreeRuns(async (s3) => {
    const config = s3.config();
    const result = await rollbackRun(s3.client(config), config, RUNS[0], {
      retry: NO_WAIT,
    });
    equal(result.runId, RUNS[0]);
    equal(result.previous, RUNS[2]);
    equal(await topIndex(s3), runFixtureFiles(RUNS[0])["index.html"]);
    const current =
      await (await fetch(`${s3.endpoint}/${s3.bucket}/weekly/current.json`))
        .json();
    equal(current.runId, RUNS[0]);
    const runs = await listRuns(s3.client(config), config, { retry: NO_WAIT });
    deepEqual(runs.filter((r) => r.current).map((r) => r.runId), [RUNS[0]]);
  });
});

Deno.test("rollbackRun() refuses a run with a missing file and leaves the current report alone", async () => {
  await withThreeRuns(async (s3) => {
    const config = s3.config();
    const client = s3.client(config);
    await client.send(
      new DeleteObjectCommand({
        Bucket: s3.bucket,
        Key: `weekly/runs/${RUNS[1]}/top_products.csv`,
      }),
    );
    const error = await rejection(
      () => rollbackRun(client, config, RUNS[1], { retry: NO_WAIT }),
      PublishError,
    );
    equal(
      error.message,
      `Cannot roll back "s3://reports/weekly/" to run "${RUNS[1]}": run "${
        RUNS[1]
      }" is incomplete: "runs/${RUNS[1]}/top_products.csv" is missing`,
    );
    equal(await topIndex(s3), runFixtureFiles(RUNS[2])["index.html"]);
  });
});

Deno.test("rollbackRun() says when no such run is published", async () => {
  await withThreeRuns(async (s3) => {
    const config = s3.config();
    const error = await rejection(
      () =>
        rollbackRun(s3.client(config), config, "20200101T000000Z", {
          retry: NO_WAIT,
        }),
      PublishError,
    );
    equal(
      error.message,
      'Cannot roll back "s3://reports/weekly/" to run "20200101T000000Z": no such run is published',
    );
  });
});

Deno.test("listRuns() lists every run newest first with its size, marking the current and incomplete ones", async () => {
  await withThreeRuns(async (s3) => {
    const config = s3.config();
    const client = s3.client(config);
    await client.send(
      new DeleteObjectCommand({
        Bucket: s3.bucket,
        Key: `weekly/runs/${RUNS[0]}/manifest.json`,
      }),
    );
    const runs = await listRuns(client, config, { retry: NO_WAIT });
    deepEqual(runs.map((r) => r.runId), [...RUNS].reverse());
    deepEqual(runs.map((r) => r.current), [true, false, false]);
    deepEqual(runs.map((r) => r.complete), [true, true, false]);
    const fixtureBytes = Object.values(runFixtureFiles(RUNS[2]))
      .reduce(
        (sum, text) => sum + new TextEncoder().encode(text).byteLength,
        0,
      );
    equal(runs[0].files, 7);
    equal(runs[0].size > fixtureBytes, true);
    equal(runs[2].files, 6);
  });
});
