import { equal, match } from "node:assert/strict";
import { publishRun } from "../../src/publish/publish_run.ts";
import { PublishError } from "../../src/publish/publish_error.ts";
import { createS3Client } from "../../src/publish/create_s3_client.ts";
import type { PublishConfig } from "../../src/publish/publish_config.ts";
import { writeRunFixture } from "./run_fixture.ts";
import { NO_WAIT, S3RVER_CREDENTIALS, startTestS3 } from "./s3_test_server.ts";
import { rejection } from "./rejection.ts";
import { delayRequests } from "./fault_middleware.ts";

const RUN = "20261121T000000Z";

function configFor(endpoint: string): PublishConfig {
  return {
    bucket: "reports",
    prefix: "weekly",
    region: "us-east-1",
    endpoint,
    forcePathStyle: true,
    keep: 10,
  };
}

async function withRunDir(fn: (dir: string) => Promise<void>) {
  const reports = await Deno.makeTempDir({ prefix: "basket-reports-" });
  try {
    await fn(await writeRunFixture(reports, RUN));
  } finally {
    await Deno.remove(reports, { recursive: true });
  }
}

Deno.test("publishRun() retries 5xx answers and then says what failed", async () => {
  let requests = 0;
  const server = Deno.serve({
    hostname: "127.0.0.1",
    port: 0,
    onListen: () => {},
  }, () => {
    requests++;
    return new Response(
      `<?xml version="1.0" encoding="UTF-8"?><Error><Code>ServiceUnavailable</Code><Message>Please reduce your request rate.</Message></Error>`,
      { status: 503, headers: { "content-type": "application/xml" } },
    );
  });
  const endpoint = `http://127.0.0.1:${server.addr.port}`;
  const config = configFor(endpoint);
  const client = createS3Client(config, {}, {
    credentials: S3RVER_CREDENTIALS,
  });
  try {
    await withRunDir(async (dir) => {
      const error = await rejection(
        () => publishRun(client, config, dir, { runId: RUN, retry: NO_WAIT }),
        PublishError,
      );
      equal(requests, 3);
      match(
        error.message,
        /^Cannot publish to "s3:\/\/reports\/weekly\/": reaching bucket "reports" failed after 3 attempts: the server failed \(HTTP 503/,
      );
    });
  } finally {
    client.destroy();
    await server.shutdown();
  }
});

Deno.test("publishRun() retries requests that time out", async () => {
  const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const held: Deno.Conn[] = [];
  const accepting = (async () => {
    for await (const conn of listener) held.push(conn); // accept, never answer
  })();
  const config = configFor(`http://127.0.0.1:${listener.addr.port}`);
  const client = createS3Client(config, { requestTimeout: 200 }, {
    credentials: S3RVER_CREDENTIALS,
  });
  try {
    await withRunDir(async (dir) => {
      const error = await rejection(
        () => publishRun(client, config, dir, { runId: RUN, retry: NO_WAIT }),
        PublishError,
      );
      equal(held.length, 3);
      match(
        error.message,
        /failed after 3 attempts: the server at "http:\/\/127\.0\.0\.1:\d+" did not answer/,
      );
    });
  } finally {
    client.destroy();
    listener.close();
    await accepting.catch(() => {});
    for (const conn of held) {
      try {
        conn.close();
      } catch {
        // already closed by the client
      }
    }
  }
});

Deno.test("publishRun() asks for the configured server-side encryption on every upload", async () => {
  const s3 = await startTestS3();
  try {
    await withRunDir(async (dir) => {
      const config = s3.config({ sse: "aws:kms", kmsKeyId: "alias/reports" });
      const client = s3.client(config);
      const seen: { key: string; sse?: string; kms?: string }[] = [];
      client.middlewareStack.add(
        (next) => (args) => {
          const request = args.request as {
            method: string;
            path: string;
            headers: Record<string, string>;
          };
          if (request.method === "PUT") {
            seen.push({
              key: request.path,
              sse: request.headers["x-amz-server-side-encryption"],
              kms:
                request.headers["x-amz-server-side-encryption-aws-kms-key-id"],
            });
          }
          return next(args);
        },
        { step: "finalizeRequest", name: "recordSse" },
      );
      await publishRun(client, config, dir, { runId: RUN, retry: NO_WAIT });
      // The conditional-write probe twice (s3rver overwrites instead of
      // refusing, so the probe stops there), 6 files, the manifest,
      // index.html, current.json.
      equal(seen.length, 11);
      for (const put of seen) {
        equal(put.sse, "aws:kms", put.key);
        equal(put.kms, "alias/reports", put.key);
      }
    });
  } finally {
    await s3.close();
  }
});

Deno.test("publishRun() checks its uploads concurrently and names the first file, in the run's order, that did not read back", async () => {
  const s3 = await startTestS3();
  try {
    await withRunDir(async (dir) => {
      const config = s3.config();
      const client = s3.client(config);
      // chart.svg's check answers last, so that report.json's problem is
      // heard first; chart.svg comes first in the run's order.
      delayRequests(
        client,
        (method, path) =>
          method === "HEAD" && path.endsWith("/chart.svg") ? 300 : 0,
      );
      const error = await rejection(
        () =>
          publishRun(client, config, dir, {
            runId: RUN,
            retry: NO_WAIT,
            onUploaded: async (_path, count) => {
              if (count < 6) return;
              for (const name of ["chart.svg", "report.json"]) {
                const gone = await fetch(
                  `${s3.endpoint}/${s3.bucket}/weekly/runs/${RUN}/${name}`,
                  { method: "DELETE" },
                );
                await gone.body?.cancel();
              }
            },
          }),
        PublishError,
      );
      equal(
        error.message,
        `Cannot publish to "s3://reports/weekly/": "runs/${RUN}/chart.svg" is missing after its upload`,
      );
      // Nothing was made current.
      const current = await fetch(
        `${s3.endpoint}/${s3.bucket}/weekly/current.json`,
      );
      await current.body?.cancel();
      equal(current.status, 404);
    });
  } finally {
    await s3.close();
  }
});
