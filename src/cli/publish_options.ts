import { CliError } from "./cli_error.ts";
import { readBasketConfig } from "./config_file.ts";
import { createS3Client } from "../publish/create_s3_client.ts";
import { type PublishResult, publishRun } from "../publish/publish_run.ts";
import { insecureUrlWarning } from "../report/lock/insecure_url_warning.ts";
import {
  type PublishConfig,
  type PublishFlags,
  resolvePublishConfig,
} from "../publish/publish_config.ts";

/**
 * The publish settings every command that talks to S3 accepts, in
 * `node:util` `parseArgs` form; spread them into a command's own options.
 */
export const PUBLISH_OPTIONS = {
  config: { type: "string" },
  bucket: { type: "string" },
  prefix: { type: "string" },
  "s3-region": { type: "string" },
  endpoint: { type: "string" },
  "path-style": { type: "boolean" },
  keep: { type: "string" },
  sse: { type: "string" },
  "kms-key-id": { type: "string" },
  "public-url": { type: "string" },
} as const;

/** Help text for {@linkcode PUBLISH_OPTIONS}. */
export const PUBLISH_OPTIONS_HELP =
  `S3 settings (flags > environment > config file "publish" section > defaults):
  --config FILE        JSON config file (default: BASKET_CONFIG or basket.config.json when present)
  --bucket NAME        bucket (BASKET_S3_BUCKET)
  --prefix PATH        key prefix (BASKET_S3_PREFIX; default: the bucket's root)
  --s3-region REGION   AWS region of the bucket (AWS_REGION; default: the AWS profile's)
  --endpoint URL       custom S3 endpoint (AWS_ENDPOINT_URL_S3, AWS_ENDPOINT_URL)
  --path-style         path-style addressing, for most custom endpoints (BASKET_S3_PATH_STYLE)
  --keep N             runs to keep after a publish, 0 for all (BASKET_S3_KEEP; default 10)
  --sse AES256|aws:kms server-side encryption (BASKET_S3_SSE)
  --kms-key-id ID      KMS key for aws:kms (BASKET_S3_KMS_KEY_ID)
  --public-url URL     the URL readers use, e.g. a CDN (BASKET_PUBLIC_URL)
Credentials come from the AWS SDK's standard chain: environment, shared config
and profiles (AWS_PROFILE), instance or container roles.`;

/** Values parsed with {@linkcode PUBLISH_OPTIONS}. */
export interface PublishOptionValues {
  config?: string;
  bucket?: string;
  prefix?: string;
  "s3-region"?: string;
  endpoint?: string;
  "path-style"?: boolean;
  keep?: string;
  sse?: string;
  "kms-key-id"?: string;
  "public-url"?: string;
}

/** Turns parsed option values into {@linkcode PublishFlags}. */
export function publishFlags(values: PublishOptionValues): PublishFlags {
  const flags: PublishFlags = {};
  if (values.bucket !== undefined) flags.bucket = values.bucket;
  if (values.prefix !== undefined) flags.prefix = values.prefix;
  if (values["s3-region"] !== undefined) flags.region = values["s3-region"];
  if (values.endpoint !== undefined) flags.endpoint = values.endpoint;
  if (values["path-style"] !== undefined) {
    flags.forcePathStyle = values["path-style"];
  }
  if (values.keep !== undefined) {
    if (!/^\d+$/.test(values.keep)) {
      throw new CliError(
        `Invalid --keep: ${
          JSON.stringify(values.keep)
        } is not a whole number of runs (0 keeps them all)`,
      );
    }
    flags.keep = Number(values.keep);
  }
  if (values.sse !== undefined) flags.sse = values.sse;
  if (values["kms-key-id"] !== undefined) flags.kmsKeyId = values["kms-key-id"];
  if (values["public-url"] !== undefined) {
    flags.publicUrl = values["public-url"];
  }
  return flags;
}

/**
 * Reads the config file and resolves the publish configuration from flags,
 * environment and file; bad settings become a {@linkcode CliError} (exit 2).
 */
export async function loadPublishConfig(
  values: PublishOptionValues,
  env: Readonly<Record<string, string | undefined>> = Deno.env.toObject(),
): Promise<PublishConfig> {
  try {
    const { file, path } = await readBasketConfig(values.config, env);
    return resolvePublishConfig({
      flags: publishFlags(values),
      env,
      file: file.publish ?? {},
      ...(path ? { filePath: path } : {}),
    });
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError((error as Error).message, 2);
  }
}

/** Options for {@linkcode publishWithFlags}. */
export interface PublishWithFlagsOptions {
  runId: string;
  parameters?: Record<string, unknown>;
  dataFingerprint?: string;
  version?: string;
  /** An encrypted (locked) report: publish only index.html and a manifest without parameters. */
  onlyIndex?: boolean;
  log?: (message: string) => void;
  env?: Readonly<Record<string, string | undefined>>;
}

/**
 * What `deno task report --publish` calls after writing a run: resolves the
 * publish configuration from the command's option values, environment and
 * config file, publishes the run folder, prints where readers find it (or
 * why that is unknown, and a warning when a locked report would be served
 * over plain HTTP) through `log`, and returns the publish result.
 */
export async function publishWithFlags(
  values: PublishOptionValues,
  runDir: string,
  options: PublishWithFlagsOptions,
): Promise<PublishResult> {
  const log = options.log ?? ((message: string) => console.error(message));
  const config = await loadPublishConfig(
    values,
    options.env ?? Deno.env.toObject(),
  );
  const client = createS3Client(config);
  try {
    const result = await publishRun(client, config, runDir, {
      runId: options.runId,
      log,
      ...(options.onlyIndex ? { onlyIndex: true } : {}),
      ...(options.parameters ? { parameters: options.parameters } : {}),
      ...(options.dataFingerprint
        ? { dataFingerprint: options.dataFingerprint }
        : {}),
      ...(options.version ? { version: options.version } : {}),
    });
    log(result.url ? `readers: ${result.url}` : `note: ${result.urlNote}`);
    const warning = options.onlyIndex && result.url
      ? insecureUrlWarning(result.url)
      : null;
    if (warning) log(`warning: ${warning}`);
    return result;
  } finally {
    client.destroy();
  }
}
