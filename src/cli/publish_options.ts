import { DEFAULT_KEEP, PUBLISH_SOURCES } from "../publish/publish_config.ts";

const SECTION = "S3 settings (see docs/publish.md)";

/** One S3 setting as an option: flag, variables and config key from PUBLISH_SOURCES. */
function s3Option<K extends keyof typeof PUBLISH_SOURCES>(
  key: K,
  value: string | undefined,
  help: string,
  defaultText?: string,
) {
  const { flag, env } = PUBLISH_SOURCES[key];
  return {
    name: flag as (typeof PUBLISH_SOURCES)[K]["flag"],
    kind: "string",
    ...(value === undefined ? {} : { value }),
    section: SECTION,
    help,
    ...(defaultText === undefined ? {} : { defaultText }),
    env,
    config: `publish.${key}`,
    deferred: true,
  } as const;
}

/**
 * The S3 settings every command that talks to S3 accepts (report, publish,
 * share). Resolved by `resolvePublishConfig` (flag > environment > config
 * file's `publish` section > default), which names where a bad value came
 * from.
 */
export const PUBLISH_OPTIONS = [
  s3Option("bucket", "NAME", "bucket"),
  s3Option("prefix", "PATH", "key prefix", "the bucket's root"),
  s3Option(
    "region",
    "REGION",
    "AWS region of the bucket",
    "the AWS profile's",
  ),
  s3Option("endpoint", "URL", "custom S3 endpoint"),
  {
    ...s3Option(
      "forcePathStyle",
      undefined,
      "path-style addressing, for most custom endpoints",
    ),
    kind: "boolean",
  },
  s3Option(
    "keep",
    "N",
    "runs to keep after a publish, 0 for all",
    String(DEFAULT_KEEP),
  ),
  s3Option("sse", "AES256|aws:kms", "server-side encryption"),
  s3Option("kmsKeyId", "ID", "KMS key for aws:kms"),
  s3Option("publicUrl", "URL", "the URL readers use, e.g. a CDN"),
] as const;

/** What `--help` says after the S3 settings. */
export const PUBLISH_CREDENTIALS_HELP =
  `Credentials come from the AWS SDK's standard chain: environment, shared config
and profiles (AWS_PROFILE), instance or container roles.`;
