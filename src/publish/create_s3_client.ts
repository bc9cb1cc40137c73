import { S3Client, type S3ClientConfig } from "@aws-sdk/client-s3";
import type { PublishConfig } from "./publish_config.ts";

/** Timeouts for each S3 request, in milliseconds. */
export interface S3Timeouts {
  /** To open a connection (default 5 s). */
  connectionTimeout?: number;
  /** For an answer once a request is sent (default 60 s). */
  requestTimeout?: number;
}

/**
 * Creates the S3 client for a publish configuration. Credentials come only
 * from the AWS SDK's standard chain (environment, shared config and profiles,
 * instance roles): Basket never reads or prints them. The SDK's own retries
 * are off (`maxAttempts: 1`) because every call goes through
 * {@linkcode withRetry}, whose delays tests can shorten. Call `destroy()` when
 * done, to close its connections.
 *
 * `sdk` overrides SDK settings (tests pass fake credentials here).
 */
export function createS3Client(
  config: PublishConfig,
  timeouts: S3Timeouts = {},
  sdk: S3ClientConfig = {},
): S3Client {
  return new S3Client({
    ...(config.region ? { region: config.region } : {}),
    ...(config.endpoint ? { endpoint: config.endpoint } : {}),
    forcePathStyle: config.forcePathStyle,
    maxAttempts: 1,
    requestHandler: {
      connectionTimeout: timeouts.connectionTimeout ?? 5_000,
      requestTimeout: timeouts.requestTimeout ?? 60_000,
      // Without this, the SDK only warns when a request times out, and waits on.
      throwOnRequestTimeout: true,
    },
    ...sdk,
  });
}
