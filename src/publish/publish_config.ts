import { parseWholeNumber } from "../model/parse_whole_number.ts";

/** Server-side encryption applied to every uploaded object. */
export type ServerSideEncryption = "AES256" | "aws:kms";

/** Where and how a report is published: the resolved configuration. */
export interface PublishConfig {
  /** The S3 bucket's name. */
  bucket: string;
  /** The key prefix, without leading or trailing slashes ("" for the bucket's root). */
  prefix: string;
  /** The AWS region; undefined leaves it to the SDK (AWS profile). */
  region?: string;
  /** A custom S3 endpoint (MinIO, a local test server, ...). */
  endpoint?: string;
  /** Path-style addressing (`endpoint/bucket/key`), which most custom endpoints need. */
  forcePathStyle: boolean;
  /** How many runs to keep after a successful publish; 0 keeps them all. */
  keep: number;
  /** Server-side encryption for uploaded objects. */
  sse?: ServerSideEncryption;
  /** The KMS key id or ARN when `sse` is `aws:kms` (the bucket's default key otherwise). */
  kmsKeyId?: string;
  /** The URL readers use (a CDN or custom domain), reported after publishing. */
  publicUrl?: string;
}

/** Publish settings as given on the command line; every one is optional. */
export interface PublishFlags {
  bucket?: string;
  prefix?: string;
  region?: string;
  endpoint?: string;
  forcePathStyle?: boolean;
  keep?: number;
  sse?: string;
  kmsKeyId?: string;
  publicUrl?: string;
}

/** The `publish` section of the config file. */
export type PublishFileSection = PublishFlags;

/** Where settings come from, highest precedence first: flags, env, file. */
export interface PublishConfigSources {
  flags?: PublishFlags;
  /** Environment variables (`Deno.env.toObject()`). */
  env?: Readonly<Record<string, string | undefined>>;
  /** The config file's `publish` section. */
  file?: PublishFileSection;
  /** The config file's path, named in error messages. */
  filePath?: string;
}

/** How many runs are kept when nothing says otherwise. */
export const DEFAULT_KEEP = 10;

/**
 * Where each publish setting comes from besides the config file's `publish`
 * section (same key): its flag and its environment variables, first set
 * wins. Declared once: the commands' options and `--help` are made from it.
 */
export const PUBLISH_SOURCES = {
  bucket: { flag: "bucket", env: ["BASKET_S3_BUCKET"] },
  prefix: { flag: "prefix", env: ["BASKET_S3_PREFIX"] },
  region: { flag: "s3-region", env: ["AWS_REGION", "AWS_DEFAULT_REGION"] },
  endpoint: {
    flag: "endpoint",
    env: ["AWS_ENDPOINT_URL_S3", "AWS_ENDPOINT_URL"],
  },
  forcePathStyle: { flag: "path-style", env: ["BASKET_S3_PATH_STYLE"] },
  keep: { flag: "keep", env: ["BASKET_S3_KEEP"] },
  sse: { flag: "sse", env: ["BASKET_S3_SSE"] },
  kmsKeyId: { flag: "kms-key-id", env: ["BASKET_S3_KMS_KEY_ID"] },
  publicUrl: { flag: "public-url", env: ["BASKET_PUBLIC_URL"] },
} as const satisfies Record<
  keyof PublishFlags,
  { flag: string; env: readonly string[] }
>;

type Found<T> = { value: T; from: string } | undefined;

/**
 * Resolves the publish configuration from flags, environment and config file
 * (in that order of precedence, see {@linkcode PUBLISH_SOURCES}), then
 * defaults. Pure: the caller reads the environment and the file. Credentials
 * are not part of it: the AWS SDK finds them itself (environment, shared
 * config and profiles, instance roles).
 *
 * Throws a `RangeError` naming the setting and where it came from when a
 * value is invalid or the bucket is missing.
 */
export function resolvePublishConfig(
  sources: PublishConfigSources,
): PublishConfig {
  const flags = sources.flags ?? {};
  const env = sources.env ?? {};
  const file = sources.file ?? {};
  const fileName = quoteFile(sources.filePath ?? "the config file");

  /** The first of flag, environment and file that gives `key`, read as text. */
  const pick = <K extends keyof PublishFlags, T = string>(
    key: K,
    read: (value: string | number | boolean, from: string) => T = (
      value,
      from,
    ) => {
      if (typeof value !== "string") {
        throw new RangeError(
          `Invalid ${from}: expected a string, got ${JSON.stringify(value)}`,
        );
      }
      return value as T;
    },
  ): Found<T> => {
    const { flag, env: names } = PUBLISH_SOURCES[key];
    if (flags[key] !== undefined) {
      const from = `--${flag}`;
      return { value: read(flags[key]!, from), from };
    }
    for (const name of names) {
      const text = env[name];
      if (text !== undefined && text !== "") {
        return { value: read(text, name), from: name };
      }
    }
    const value = file[key] as unknown;
    if (value === undefined || value === null) return undefined;
    const from = `"publish.${key}" in ${fileName}`;
    if (typeof value === "object") {
      throw new RangeError(
        `Invalid ${from}: expected a value, got ${JSON.stringify(value)}`,
      );
    }
    return { value: read(value as string | number | boolean, from), from };
  };

  const bucket = pick("bucket");
  if (!bucket || bucket.value === "") {
    throw new RangeError(
      `Cannot publish: no bucket is set: pass --bucket, set BASKET_S3_BUCKET or "publish.bucket" in ${fileName}`,
    );
  }
  check(
    /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket.value),
    bucket,
    "is not a valid S3 bucket name",
  );

  const prefix = pick("prefix");
  const prefixValue = (prefix?.value ?? "").replace(/^\/+|\/+$/g, "");
  if (prefix) {
    check(
      !prefixValue.split("/").some((part) =>
        part === "" || part === "." || part === ".."
      ),
      prefix,
      "is not a valid key prefix (empty, '.' or '..' segment)",
      prefixValue !== "",
    );
  }

  const region = pick("region");
  if (region) {
    check(/^[a-z0-9-]+$/.test(region.value), region, "is not an AWS region");
  }
  const endpoint = pick("endpoint");
  if (endpoint) check(isHttpUrl(endpoint.value), endpoint, "is not a URL");
  const pathStyle = pick("forcePathStyle", readBoolean);
  const keep = pick(
    "keep",
    (value, from) =>
      parseWholeNumber(value as string | number, from, { unit: "runs" }),
  );
  const sse = pick("sse");
  if (sse) {
    check(
      sse.value === "AES256" || sse.value === "aws:kms",
      sse,
      'is not "AES256" or "aws:kms"',
    );
  }
  const kmsKeyId = pick("kmsKeyId");
  if (kmsKeyId && sse && sse.value !== "aws:kms") {
    throw new RangeError(
      `Invalid ${kmsKeyId.from}: a KMS key needs "aws:kms" encryption, but ${sse.from} is ${
        JSON.stringify(sse.value)
      }`,
    );
  }
  const publicUrl = pick("publicUrl");
  if (publicUrl) check(isHttpUrl(publicUrl.value), publicUrl, "is not a URL");

  const config: PublishConfig = {
    bucket: bucket.value,
    prefix: prefixValue,
    forcePathStyle: pathStyle?.value ?? false,
    keep: keep?.value ?? DEFAULT_KEEP,
  };
  if (region) config.region = region.value;
  if (endpoint) config.endpoint = endpoint.value.replace(/\/+$/, "");
  if (sse || kmsKeyId) {
    config.sse = (sse?.value ?? "aws:kms") as ServerSideEncryption;
  }
  if (kmsKeyId) config.kmsKeyId = kmsKeyId.value;
  if (publicUrl) {
    config.publicUrl = publicUrl.value.endsWith("/")
      ? publicUrl.value
      : `${publicUrl.value}/`;
  }
  return config;
}

/**
 * The `s3://bucket/prefix/` address that messages name.
 */
export function s3Target(config: Pick<PublishConfig, "bucket" | "prefix">) {
  return `s3://${config.bucket}/${config.prefix ? `${config.prefix}/` : ""}`;
}

function check(
  ok: boolean,
  found: { value: unknown; from: string },
  problem: string,
  applies = true,
): void {
  if (applies && !ok) {
    throw new RangeError(
      `Invalid ${found.from}: ${JSON.stringify(found.value)} ${problem}`,
    );
  }
}

function readBoolean(value: string | number | boolean, from: string): boolean {
  if (typeof value === "boolean") return value;
  const t = String(value).trim().toLowerCase();
  if (["1", "true", "yes", "on"].includes(t)) return true;
  if (["0", "false", "no", "off"].includes(t)) return false;
  throw new RangeError(
    `Invalid ${from}: ${JSON.stringify(value)} is not true or false`,
  );
}

function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === "http:" || url.protocol === "https:";
  } catch {
    return false;
  }
}

function quoteFile(name: string): string {
  return name.startsWith("the ") ? name : JSON.stringify(name);
}
