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
 * Resolves the publish configuration from flags, environment and config file
 * (in that order of precedence), then defaults. Pure: the caller reads the
 * environment and the file. Credentials are not part of it: the AWS SDK finds
 * them itself (environment, shared config and profiles, instance roles).
 *
 * Environment: `BASKET_S3_BUCKET`, `BASKET_S3_PREFIX`, `AWS_REGION` (or
 * `AWS_DEFAULT_REGION`), `AWS_ENDPOINT_URL_S3` (or `AWS_ENDPOINT_URL`),
 * `BASKET_S3_PATH_STYLE`, `BASKET_S3_KEEP`, `BASKET_S3_SSE`,
 * `BASKET_S3_KMS_KEY_ID`, `BASKET_PUBLIC_URL`.
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
  const fileName = sources.filePath ?? "the config file";

  type Found<T> = { value: T; from: string } | undefined;
  const pick = <T>(
    flag: T | undefined,
    flagName: string,
    envNames: string[],
    parseEnv: (text: string, from: string) => T,
    fileValue: unknown,
    fileKey: string,
    checkFile: (value: unknown, from: string) => T,
  ): Found<T> => {
    if (flag !== undefined) return { value: flag, from: flagName };
    for (const name of envNames) {
      const text = env[name];
      if (text !== undefined && text !== "") {
        return { value: parseEnv(text, name), from: name };
      }
    }
    if (fileValue !== undefined && fileValue !== null) {
      const from = `"publish.${fileKey}" in ${quoteFile(fileName)}`;
      return { value: checkFile(fileValue, from), from };
    }
    return undefined;
  };
  const text = (v: string) => v;
  const fileString = (value: unknown, from: string): string => {
    if (typeof value !== "string") {
      throw new RangeError(
        `Invalid ${from}: expected a string, got ${JSON.stringify(value)}`,
      );
    }
    return value;
  };

  const bucket = pick(
    flags.bucket,
    "--bucket",
    ["BASKET_S3_BUCKET"],
    text,
    file.bucket,
    "bucket",
    fileString,
  );
  if (!bucket || bucket.value === "") {
    throw new RangeError(
      `Cannot publish: no bucket is set: pass --bucket, set BASKET_S3_BUCKET or "publish.bucket" in ${
        quoteFile(fileName)
      }`,
    );
  }
  check(
    /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket.value),
    bucket,
    "is not a valid S3 bucket name",
  );

  const prefix = pick(
    flags.prefix,
    "--prefix",
    ["BASKET_S3_PREFIX"],
    text,
    file.prefix,
    "prefix",
    fileString,
  );
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

  const region = pick(
    flags.region,
    "--s3-region",
    ["AWS_REGION", "AWS_DEFAULT_REGION"],
    text,
    file.region,
    "region",
    fileString,
  );
  if (region) {
    check(/^[a-z0-9-]+$/.test(region.value), region, "is not an AWS region");
  }

  const endpoint = pick(
    flags.endpoint,
    "--endpoint",
    ["AWS_ENDPOINT_URL_S3", "AWS_ENDPOINT_URL"],
    text,
    file.endpoint,
    "endpoint",
    fileString,
  );
  if (endpoint) check(isHttpUrl(endpoint.value), endpoint, "is not a URL");

  const pathStyle = pick(
    flags.forcePathStyle,
    "--path-style",
    ["BASKET_S3_PATH_STYLE"],
    (t, from) => parseBoolean(t, from),
    file.forcePathStyle,
    "forcePathStyle",
    (v, from) => {
      if (typeof v !== "boolean") {
        throw new RangeError(
          `Invalid ${from}: expected true or false, got ${JSON.stringify(v)}`,
        );
      }
      return v;
    },
  );

  const keep = pick(
    flags.keep,
    "--keep",
    ["BASKET_S3_KEEP"],
    (t, from) => wholeNumber(/^\s*\d+\s*$/.test(t) ? Number(t) : t, from),
    file.keep,
    "keep",
    wholeNumber,
  );
  if (flags.keep !== undefined) wholeNumber(flags.keep, "--keep");

  const sse = pick(
    flags.sse,
    "--sse",
    ["BASKET_S3_SSE"],
    text,
    file.sse,
    "sse",
    fileString,
  );
  if (sse) {
    check(
      sse.value === "AES256" || sse.value === "aws:kms",
      sse,
      'is not "AES256" or "aws:kms"',
    );
  }
  const kmsKeyId = pick(
    flags.kmsKeyId,
    "--kms-key-id",
    ["BASKET_S3_KMS_KEY_ID"],
    text,
    file.kmsKeyId,
    "kmsKeyId",
    fileString,
  );
  if (kmsKeyId && sse && sse.value !== "aws:kms") {
    throw new RangeError(
      `Invalid ${kmsKeyId.from}: a KMS key needs "aws:kms" encryption, but ${sse.from} is ${
        JSON.stringify(sse.value)
      }`,
    );
  }

  const publicUrl = pick(
    flags.publicUrl,
    "--public-url",
    ["BASKET_PUBLIC_URL"],
    text,
    file.publicUrl,
    "publicUrl",
    fileString,
  );
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

function wholeNumber(value: unknown, from: string): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < 0) {
    throw new RangeError(
      `Invalid ${from}: ${
        JSON.stringify(String(value))
      } is not a whole number of runs (0 keeps them all)`,
    );
  }
  return value;
}

function parseBoolean(text: string, from: string): boolean {
  const t = text.trim().toLowerCase();
  if (["1", "true", "yes", "on"].includes(t)) return true;
  if (["0", "false", "no", "off"].includes(t)) return false;
  throw new RangeError(
    `Invalid ${from}: ${JSON.stringify(text)} is not true or false`,
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
