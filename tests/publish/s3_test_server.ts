import S3rver from "s3rver";
import { S3Client } from "@aws-sdk/client-s3";
import { createS3Client } from "../../src/publish/create_s3_client.ts";
import type { PublishConfig } from "../../src/publish/publish_config.ts";
import type { RetryOptions } from "../../src/publish/with_retry.ts";

/** The credentials s3rver accepts. */
export const S3RVER_CREDENTIALS = {
  accessKeyId: "S3RVER",
  secretAccessKey: "S3RVER",
};

/** Retries without waiting, for tests. */
export const NO_WAIT: RetryOptions = {
  attempts: 3,
  delays: [0],
  sleep: () => Promise.resolve(),
};

/**
 * An S3-protocol server (s3rver) on 127.0.0.1, on a free port, storing in a
 * temporary folder, with one bucket. `stop()` and `start()` take it down and
 * bring it back on the same port and folder; `close()` removes everything.
 */
export interface TestS3 {
  readonly endpoint: string;
  readonly port: number;
  readonly directory: string;
  readonly bucket: string;
  config(overrides?: Partial<PublishConfig>): PublishConfig;
  /** A client with s3rver's credentials, destroyed by `close()`. */
  client(config?: PublishConfig): S3Client;
  stop(): Promise<void>;
  start(): Promise<void>;
  close(): Promise<void>;
}

export async function startTestS3(bucket = "reports"): Promise<TestS3> {
  const directory = await Deno.makeTempDir({ prefix: "basket-s3-" });
  let server: S3rver | undefined = new S3rver({
    port: 0,
    address: "127.0.0.1",
    silent: true,
    directory,
    configureBuckets: [{ name: bucket, configs: [] }],
  });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  const clients: S3Client[] = [];
  const self: TestS3 = {
    endpoint,
    port,
    directory,
    bucket,
    config: (overrides = {}) => ({
      bucket,
      prefix: "weekly",
      region: "us-east-1",
      endpoint,
      forcePathStyle: true,
      keep: 10,
      ...overrides,
    }),
    client: (config = self.config()) => {
      const client = createS3Client(config, { requestTimeout: 10_000 }, {
        credentials: S3RVER_CREDENTIALS,
      });
      clients.push(client);
      return client;
    },
    stop: async () => {
      const running = server;
      server = undefined;
      await running?.close();
    },
    start: async () => {
      if (server) return;
      server = new S3rver({
        port,
        address: "127.0.0.1",
        silent: true,
        directory,
      });
      await server.run();
    },
    close: async () => {
      for (const client of clients) client.destroy();
      await self.stop();
      await Deno.remove(directory, { recursive: true });
    },
  };
  return self;
}
