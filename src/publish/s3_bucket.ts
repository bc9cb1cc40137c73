import { writeBody } from "./write_body.ts";
import {
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  type PutObjectCommandInput,
  type S3Client,
} from "@aws-sdk/client-s3";
import { type PublishConfig, s3Target } from "./publish_config.ts";
import { type FileBody, putBody } from "./put_body.ts";
import {
  describeS3Error,
  PublishError,
  s3FailureMessage,
} from "./publish_error.ts";
import {
  RetriesExhausted,
  type RetryOptions,
  withRetry,
} from "./with_retry.ts";

/** An object's headers, as a HEAD request returns them. */
export interface ObjectHead {
  size: number;
  contentType?: string;
  cacheControl?: string;
  etag?: string;
  /** User metadata (`x-amz-meta-*`), names in lower case. */
  metadata: Record<string, string>;
  serverSideEncryption?: string;
}

/** An object found by listing. */
export interface ListedObject {
  /** The key below the configured prefix. */
  path: string;
  size: number;
  lastModified?: Date;
}

/** How an object is stored. */
export interface PutOptions {
  contentType: string;
  cacheControl: string;
  metadata?: Record<string, string>;
  /** Write only if the object's ETag is still this one (`If-Match`). */
  ifMatch?: string;
  /** `"*"`: write only if there is no such object yet (`If-None-Match`). */
  ifNoneMatch?: "*";
  /**
   * Send the body's SHA-256 (`x-amz-checksum-sha256`) for the store to check
   * (always sent for a file streamed from disk).
   */
  checksum?: boolean;
}

/** What a PUT did. */
export interface PutResult {
  etag?: string;
  /**
   * True when a conditional PUT was refused (412 Precondition Failed, or 409
   * ConditionalRequestConflict): someone else wrote the object first.
   */
  refused?: boolean;
}

/** An object's bytes with its headers. */
export interface ObjectRead extends ObjectHead {
  bytes: Uint8Array;
}

/**
 * The configured bucket and prefix, with each S3 call retried and its errors
 * turned into {@linkcode PublishError}s. Paths are relative to the prefix.
 */
export interface S3Bucket {
  readonly config: PublishConfig;
  /** `s3://bucket/prefix/`. */
  readonly target: string;
  /** The full key of a path below the prefix. */
  key(path: string): string;
  /** Checks that the bucket exists and can be reached; returns its region when told. */
  check(): Promise<{ region?: string }>;
  /** One PUT; a {@linkcode FileBody} is streamed from disk (see `putBody`). */
  put(
    path: string,
    body: Uint8Array | FileBody,
    options: PutOptions,
  ): Promise<PutResult>;
  /** Undefined when there is no such object. */
  head(path: string): Promise<ObjectHead | undefined>;
  /** An object's bytes and headers; undefined when there is no such object. */
  read(path: string): Promise<ObjectRead | undefined>;
  /** Undefined when there is no such object. */
  get(path: string): Promise<Uint8Array | undefined>;
  /**
   * Streams an object's bytes into the file `toFile` (made or replaced), a
   * piece at a time as they arrive, never whole in memory; false, and no
   * file, when there is no such object. A download that fails leaves no
   * part of the file behind.
   */
  download(path: string, toFile: string): Promise<boolean>;
  /** Every object whose path starts with `pathPrefix`. */
  list(pathPrefix: string): Promise<ListedObject[]>;
  remove(paths: readonly string[]): Promise<void>;
}

/** Options for {@linkcode openBucket}. */
export interface OpenBucketOptions {
  /** What could not be done, starting error messages: `Cannot publish to "s3://b/p/"`. */
  failure?: string;
  retry?: RetryOptions;
  log?: (message: string) => void;
}

/** Wraps an S3 client for the configured bucket and prefix. */
export function openBucket(
  client: S3Client,
  config: PublishConfig,
  options: OpenBucketOptions = {},
): S3Bucket {
  const target = s3Target(config);
  const failure = options.failure ?? `Cannot use ${JSON.stringify(target)}`;
  const key = (path: string) =>
    config.prefix ? `${config.prefix}/${path}` : path;
  const Bucket = config.bucket;

  async function call<T>(step: string, fn: () => Promise<T>): Promise<T> {
    try {
      return await withRetry(fn, {
        ...options.retry,
        onRetry: (error, attempt, delay) => {
          options.retry?.onRetry?.(error, attempt, delay);
          options.log?.(
            `${step} failed (attempt ${attempt}), retrying in ${
              formatDelay(delay)
            }: ${describeS3Error(error, config.endpoint)}`,
          );
        },
      });
    } catch (error) {
      const attempts = error instanceof RetriesExhausted ? error.attempts : 1;
      const cause = error instanceof RetriesExhausted ? error.cause : error;
      throw new PublishError(
        s3FailureMessage(failure, step, cause, attempts, config.endpoint),
        { cause },
      );
    }
  }

  const sse = (): Partial<PutObjectCommandInput> =>
    config.sse === "aws:kms"
      ? {
        ServerSideEncryption: "aws:kms",
        ...(config.kmsKeyId ? { SSEKMSKeyId: config.kmsKeyId } : {}),
      }
      : config.sse === "AES256"
      ? { ServerSideEncryption: "AES256" }
      : {};

  return {
    config,
    target,
    key,
    check: () =>
      call(`reaching bucket ${JSON.stringify(Bucket)}`, async () => {
        try {
          const out = await client.send(new HeadBucketCommand({ Bucket }));
          return out.BucketRegion ? { region: out.BucketRegion } : {};
        } catch (error) {
          const status = statusOf(error);
          if (status === 404) throw renamed(error, "NoSuchBucket");
          if (status === 301) throw renamed(error, "PermanentRedirect");
          if (status === 403 && !hasKnownName(error)) {
            // A HEAD answer has no body, so no error code: ask again with a
            // GET, whose answer says why (InvalidAccessKeyId, AccessDenied...).
            try {
              await client.send(
                new ListObjectsV2Command({
                  Bucket,
                  MaxKeys: 1,
                  Prefix: key(""),
                }),
              );
            } catch (detailed) {
              if (hasKnownName(detailed)) throw detailed;
            }
            throw renamed(error, "AccessDenied");
          }
          throw error;
        }
      }),
    put: (path, body, put) =>
      call(`uploading ${JSON.stringify(path)}`, async () => {
        const sent = putBody(body, put.checksum === true);
        try {
          const out = await client.send(
            new PutObjectCommand({
              Bucket,
              Key: key(path),
              ...sent.input,
              ContentType: put.contentType,
              CacheControl: put.cacheControl,
              ...(put.metadata ? { Metadata: put.metadata } : {}),
              ...(put.ifMatch ? { IfMatch: put.ifMatch } : {}),
              ...(put.ifNoneMatch ? { IfNoneMatch: put.ifNoneMatch } : {}),
              ...sse(),
            }),
          );
          return out.ETag ? { etag: out.ETag } : {};
        } catch (error) {
          if ((put.ifMatch || put.ifNoneMatch) && isRefusal(error)) {
            return { refused: true };
          }
          throw error;
        } finally {
          sent.close();
        }
      }),
    head: (path) =>
      call(`checking ${JSON.stringify(path)}`, async () => {
        try {
          const out = await client.send(
            new HeadObjectCommand({ Bucket, Key: key(path) }),
          );
          return headOf(out);
        } catch (error) {
          if (
            statusOf(error) === 404 && (error as Error).name !== "NoSuchBucket"
          ) {
            return undefined;
          }
          throw error;
        }
      }),
    read: (path) =>
      call(`downloading ${JSON.stringify(path)}`, async () => {
        try {
          const out = await client.send(
            new GetObjectCommand({ Bucket, Key: key(path) }),
          );
          const bytes = out.Body
            ? await out.Body.transformToByteArray()
            : new Uint8Array();
          return { ...headOf(out), size: bytes.byteLength, bytes };
        } catch (error) {
          if ((error as Error).name === "NoSuchKey") return undefined;
          throw error;
        }
      }),
    get: (path) =>
      call(`downloading ${JSON.stringify(path)}`, async () => {
        try {
          const out = await client.send(
            new GetObjectCommand({ Bucket, Key: key(path) }),
          );
          return out.Body
            ? await out.Body.transformToByteArray()
            : new Uint8Array();
        } catch (error) {
          if ((error as Error).name === "NoSuchKey") return undefined;
          throw error;
        }
      }),
    download: (path, toFile) =>
      call(`downloading ${JSON.stringify(path)}`, async () => {
        try {
          const out = await client.send(
            new GetObjectCommand({ Bucket, Key: key(path) }),
          );
          await writeBody(out.Body, toFile);
          return true;
        } catch (error) {
          await Deno.remove(toFile).catch(() => {});
          if ((error as Error).name === "NoSuchKey") return false;
          throw error;
        }
      }),
    list: (pathPrefix) =>
      call(`listing ${JSON.stringify(pathPrefix)}`, async () => {
        const found: ListedObject[] = [];
        const strip = key("").length;
        let token: string | undefined;
        do {
          const out = await client.send(
            new ListObjectsV2Command({
              Bucket,
              Prefix: key(pathPrefix),
              ...(token ? { ContinuationToken: token } : {}),
            }),
          );
          for (const item of out.Contents ?? []) {
            if (!item.Key) continue;
            const listed: ListedObject = {
              path: item.Key.slice(strip),
              size: item.Size ?? 0,
            };
            if (item.LastModified) listed.lastModified = item.LastModified;
            found.push(listed);
          }
          token = out.IsTruncated ? out.NextContinuationToken : undefined;
        } while (token);
        return found;
      }),
    remove: async (paths) => {
      for (let i = 0; i < paths.length; i += 1000) {
        const batch = paths.slice(i, i + 1000);
        await call(`deleting ${batch.length} objects`, async () => {
          const out = await client.send(
            new DeleteObjectsCommand({
              Bucket,
              Delete: {
                Objects: batch.map((p) => ({ Key: key(p) })),
                Quiet: true,
              },
            }),
          );
          const failed = out.Errors ?? [];
          if (failed.length) {
            const first = failed[0];
            throw Object.assign(
              new Error(
                `${failed.length} objects were not deleted, the first ${
                  JSON.stringify(first.Key)
                }: ${first.Message ?? first.Code}`,
              ),
              { name: first.Code ?? "DeleteFailed" },
            );
          }
        });
      }
    },
  };
}

function headOf(out: {
  ContentLength?: number;
  Metadata?: Record<string, string>;
  ContentType?: string;
  CacheControl?: string;
  ETag?: string;
  ServerSideEncryption?: string;
}): ObjectHead {
  const head: ObjectHead = {
    size: out.ContentLength ?? 0,
    metadata: lowerKeys(out.Metadata ?? {}),
  };
  if (out.ContentType) head.contentType = out.ContentType;
  if (out.CacheControl) head.cacheControl = out.CacheControl;
  if (out.ETag) head.etag = out.ETag;
  if (out.ServerSideEncryption) {
    head.serverSideEncryption = out.ServerSideEncryption;
  }
  return head;
}

/** A conditional write refused: 412, or 409 for a write racing another. */
function isRefusal(error: unknown): boolean {
  const status = statusOf(error);
  const name = (error as Error)?.name;
  return status === 412 || name === "PreconditionFailed" ||
    name === "ConditionalRequestConflict";
}

function statusOf(error: unknown): number | undefined {
  return (error as { $metadata?: { httpStatusCode?: number } })?.$metadata
    ?.httpStatusCode;
}

function hasKnownName(error: unknown): boolean {
  const name = (error as Error)?.name ?? "";
  return name !== "" && name !== "Forbidden" && name !== "403" &&
    name !== "Unknown";
}

function renamed(error: unknown, name: string): Error {
  const e = error instanceof Error ? error : new Error(String(error));
  Object.defineProperty(e, "name", {
    value: name,
    configurable: true,
    writable: true,
  });
  return e;
}

function lowerKeys(record: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(record).map(([k, v]) => [k.toLowerCase(), v]),
  );
}

function formatDelay(ms: number): string {
  return ms >= 1000 ? `${Math.round(ms / 100) / 10} s` : `${ms} ms`;
}
