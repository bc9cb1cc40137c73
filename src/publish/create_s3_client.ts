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
    forcePathStyle: usesPathStyle(config),
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

/**
 * Whether requests and readers' URLs address the bucket in the path
 * (`http://127.0.0.1:9000/BUCKET/KEY`) rather than the host name: when
 * configured, and always for an endpoint that is an IP address or
 * `localhost`, where a host name `BUCKET.127.0.0.1` cannot resolve.
 *
 * @example
 * ```ts
 * import { equal } from "node:assert/strict";
 * import { usesPathStyle } from "./create_s3_client.ts";
 *
 * const config = { bucket: "b", prefix: "", keep: 10, forcePathStyle: false };
 * equal(usesPathStyle({ ...config, endpoint: "http://127.0.0.1:9000" }), true);
 * equal(usesPathStyle({ ...config, endpoint: "http://localhost:9000" }), true);
 * equal(usesPathStyle({ ...config, endpoint: "http://[::1]:9000" }), true);
 * equal(usesPathStyle({ ...config, endpoint: "https://minio.example.com" }), false);
 * ```
 */
export function usesPathStyle(config: PublishConfig): boolean {
  if (config.forcePathStyle) return true;
  if (!config.endpoint) return false;
  let host: string;
  try {
    host = new URL(config.endpoint).hostname;
  } catch {
    return false;
  }
  return host === "localhost" || host.endsWith(".localhost") ||
    /^\d{1,3}(\.\d{1,3}){3}$/.test(host) || host.startsWith("[");
}
