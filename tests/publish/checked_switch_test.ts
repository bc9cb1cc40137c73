import { deepEqual, equal, match, ok } from "node:assert/strict";
import { publishRun } from "../../src/publish/publish_run.ts";
import { PublishError } from "../../src/publish/publish_error.ts";
import { probeConditionalWrites } from "../../src/publish/conditional_writes.ts";
import { openBucket } from "../../src/publish/s3_bucket.ts";
import { readerUrl } from "../../src/publish/reader_url.ts";
import { setupWebsite } from "../../src/publish/setup_website.ts";
import { runFixtureFiles, writeRunFixture } from "./run_fixture.ts";
import { NO_WAIT, startTestS3, type TestS3 } from "./s3_test_server.ts";
import {
  damageUploads,
  emulateConditionalWrites,
  Lock,
} from "./fault_middleware.ts";
import { rejection } from "./rejection.ts";

const RUN_1 = "20261121T000000Z";
const RUN_2 = "20261121T060000Z";

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

const indexText = async (s3: TestS3) =>
  await (await fetch(`${s3.endpoint}/${s3.bucket}/weekly/index.html`)).text();

Deno.test("publishRun() sends the top-level index.html with a SHA-256 checksum, reads it back, and sends it again when it arrived damaged", async () => {
  await withServer(async (s3, reports) => {
    const config = s3.config();
    const client = s3.client(config);
    const checksums: string[] = [];
    client.middlewareStack.add(
      (next) => (args) => {
        const request = args.request as {
          method: string;
          path: string;
          headers: Record<string, string>;
        };
        if (
          request.method === "PUT" && request.path.endsWith("weekly/index.html")
        ) {
          checksums.push(request.headers["x-amz-checksum-sha256"] ?? "none");
        }
        return next(args);
      },
      { step: "finalizeRequest", name: "recordChecksums" },
    );
    const damage = damageUploads(client, "weekly/index.html", 1);
    const messages: string[] = [];
    const dir = await writeRunFixture(reports, RUN_1);
    const result = await publishRun(client, config, dir, {
      runId: RUN_1,
      retry: NO_WAIT,
      log: (m) => messages.push(m),
    });
    equal(damage.damaged(), 1);
    equal(result.madeCurrent, true);
    equal(await indexText(s3), runFixtureFiles(RUN_1)["index.html"]);
    equal(checksums.length, 2);
    ok(
      checksums.every((c) => /^[A-Za-z0-9+/]{43}=$/.test(c)),
      checksums.join(),
    );
    ok(
      messages.some((m) =>
        /^the top-level index\.html read back damaged \(attempt 1\): it had SHA-256 /
          .test(m)
      ),
      messages.join("\n"),
    );
  });
});

Deno.test("publishRun() reports a switch that arrives damaged every time, and puts the previous report back", async () => {
  await withServer(async (s3, reports) => {
    const config = s3.config();
    await publishRun(
      s3.client(config),
      config,
      await writeRunFixture(reports, RUN_1),
      { runId: RUN_1, retry: NO_WAIT },
    );
    const client = s3.client(config);
    damageUploads(client, "weekly/index.html", 3);
    const error = await rejection(
      async () =>
        publishRun(client, config, await writeRunFixture(reports, RUN_2), {
          runId: RUN_2,
          retry: NO_WAIT,
        }),
      PublishError,
    );
    match(
      error.message,
      new RegExp(
        `^Cannot publish to "s3://reports/weekly/": the top-level index\\.html read back damaged 3 times, the last time it had SHA-256 \\w+…, not \\w+…: the previous report, run "${RUN_1}", was put back$`,
      ),
    );
    equal(await indexText(s3), runFixtureFiles(RUN_1)["index.html"]);
  });
});

Deno.test("probeConditionalWrites() says no for s3rver, which overwrites, and yes for a store that refuses with 412; publishRun() says which it used", async () => {
  await withServer(async (s3, reports) => {
    const config = s3.config();
    equal(
      await probeConditionalWrites(openBucket(s3.client(config), config)),
      false,
    );
    const emulated = s3.client(config);
    emulateConditionalWrites(emulated, s3.endpoint, new Lock());
    equal(await probeConditionalWrites(openBucket(emulated, config)), true);
    const plain = await publishRun(
      s3.client(config),
      config,
      await writeRunFixture(reports, RUN_1),
      { runId: RUN_1, retry: NO_WAIT },
    );
    const conditional = await publishRun(
      emulated,
      config,
      await writeRunFixture(reports, RUN_2),
      { runId: RUN_2, retry: NO_WAIT },
    );
    deepEqual(
      [plain.conditionalWrites, conditional.conditionalWrites],
      [false, true],
    );
    equal(conditional.madeCurrent, true);
  });
});

Deno.test("readerUrl() gives a path-style URL that opens the report when the endpoint is an IP address or localhost, even without --path-style", async () => {
  await withServer(async (s3, reports) => {
    for (
      const endpoint of [s3.endpoint, `http://localhost:${s3.port}`]
    ) {
      const config = s3.config({ endpoint, forcePathStyle: false });
      const client = s3.client(config);
      await setupWebsite(client, config);
      const result = await publishRun(
        client,
        config,
        await writeRunFixture(reports, RUN_1),
        { runId: RUN_1, retry: NO_WAIT },
      );
      equal(result.url, `${endpoint}/reports/weekly/index.html`);
      equal((await readerUrl(client, config)).url, result.url);
      const page = await fetch(result.url!);
      equal(await page.text(), runFixtureFiles(RUN_1)["index.html"]);
    }
  });
});
