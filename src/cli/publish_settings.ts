import { CliError } from "../model/cli_error.ts";
import { readSettingsFile } from "./settings_file.ts";
import { parseWholeNumber } from "../model/parse_whole_number.ts";
import {
  type PublishConfig,
  type PublishFlags,
  resolvePublishConfig,
} from "../publish/publish_config.ts";

// The publish settings, without the S3 client: `report --publish` checks
// them before its build, and loads the AWS SDK only while the build runs.

/** The raw values of the options in `PUBLISH_OPTIONS`. */
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
    try {
      flags.keep = parseWholeNumber(values.keep, "--keep", { unit: "runs" });
    } catch (error) {
      throw new CliError((error as Error).message);
    }
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
    const { file, path } = await readSettingsFile(values.config, env);
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
