import { equal, match } from "node:assert/strict";
import { publishRun } from "../../src/publish/publish_run.ts";
import { shareLink } from "../../src/publish/share_link.ts";
import { PublishError } from "../../src/publish/publish_error.ts";
import { runFixtureFiles, writeRunFixture } from "./run_fixture.ts";
import { NO_WAIT, startTestS3, type TestS3 } from "./s3_test_server.ts";
import { rejection } from "./rejection.ts";

const RUN = "20261121T000000Z";

async function withPublishedRun(fn: (s3: TestS3) => Promise<void>) {
  const s3 = await startTestS3();
  const reports = await Deno.makeTempDir({ prefix: "basket-reports-" });
  try {
    const config = s3.config();
    const dir = await writeRunFixture(reports, RUN);
    await publishRun(s3.client(config), config, dir, {
      runId: RUN,
      retry: NO_WAIT,
    });
    await fn(s3);
  } finally {
    await s3.close();
    await Deno.remove(reports, { recursive: true });
  }
}

Deno.test("shareLink() signs a link to the current run's page that works before it expires", async () => {
  await withPublishedRun(async (s3) => {
    const config = s3.config();
    const signingDate = new Date();
    const link = await shareLink(s3.client(config), config, {
      expiresIn: 3600,
      signingDate,
      retry: NO_WAIT,
    });
    equal(link.runId, RUN);
    equal(link.expiresAt.getTime(), signingDate.getTime() + 3_600_000);
    match(
      link.url,
      new RegExp(
        `/reports/weekly/runs/${RUN}/index\\.html\\?.*X-Amz-Expires=3600`,
      ),
    );
    const response = await fetch(link.url);
    equal(response.status, 200);
    equal(await response.text(), runFixtureFiles(RUN)["index.html"]);
  });
});

Deno.test("shareLink() gives a link that fails once it has expired", async () => {
  await withPublishedRun(async (s3) => {
    const config = s3.config();
    const link = await shareLink(s3.client(config), config, {
      runId: RUN,
      expiresIn: 60,
      signingDate: new Date(Date.now() - 2 * 3_600_000),
      retry: NO_WAIT,
    });
    const response = await fetch(link.url);
    equal(response.status, 403);
    match(await response.text(), /expired/);
  });
});

Deno.test("shareLink() refuses links longer than the 7 days SigV4 allows", async () => {
  await withPublishedRun(async (s3) => {
    const config = s3.config();
    const error = await rejection(
      () => shareLink(s3.client(config), config, { expiresIn: 8 * 86400 }),
      RangeError,
    );
    equal(
      error.message,
      "Cannot share a link valid for 8 days: S3 presigned links last at most 7 days (604800 seconds)",
    );
  });
});

Deno.test("shareLink() says when the run asked for is not published", async () => {
  await withPublishedRun(async (s3) => {
    const config = s3.config();
    const error = await rejection(
      () =>
        shareLink(s3.client(config), config, {
          runId: "20200101T000000Z",
          expiresIn: 60,
          retry: NO_WAIT,
        }),
      PublishError,
    );
    equal(
      error.message,
      'Cannot share a link to "s3://reports/weekly/": run "20200101T000000Z" is not published',
    );
  });
});
