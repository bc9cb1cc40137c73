import { type ConfigFile, readBasketConfig } from "./config_file.ts";
import { CliError } from "../model/cli_error.ts";
import { EXIT_USAGE } from "./exit_codes.ts";
import { DATA_OPTIONS } from "./data_options.ts";
import { CACHE_OPTIONS } from "./cache_options.ts";
import { FORMAT_OPTIONS } from "./format_options.ts";
import { PDF_OPTIONS } from "./pdf_options.ts";
import { PUBLISH_OPTIONS } from "./publish_options.ts";
import { SCHEDULE_OPTIONS } from "./schedule_options.ts";
import { VALUE_OPTIONS } from "./value_options.ts";
import type { OptionSpec, SettingsOf } from "./spine/option_spec.ts";
import type { RawFlags } from "./spine/parse_command.ts";
import { parseWholeNumber } from "../model/parse_whole_number.ts";
import {
  type PublishConfig,
  type PublishFlags,
  resolvePublishConfig,
} from "../publish/publish_config.ts";
import { checkConfigKeys, resolveSettings } from "./spine/resolve_settings.ts";

/** Every key a config file may hold, from the commands' declarations. */
export const CONFIG_KEYS: readonly string[] = [
  ...DATA_OPTIONS,
  ...CACHE_OPTIONS,
  ...FORMAT_OPTIONS,
  ...PDF_OPTIONS,
  ...PUBLISH_OPTIONS,
  ...SCHEDULE_OPTIONS,
  ...VALUE_OPTIONS,
].flatMap((option) => "config" in option ? [option.config] : []);

/**
 * Reads the config file (`--config`, else `BASKET_CONFIG`, else
 * `basket.config.json` when present) and refuses a key no command declares,
 * with a "did you mean". Any problem is a CliError with exit code 2.
 */
export async function readSettingsFile(
  path: string | undefined,
  env: Readonly<Record<string, string | undefined>>,
): Promise<{ file: ConfigFile; path?: string }> {
  let read;
  try {
    read = await readBasketConfig(path, env);
  } catch (error) {
    throw new CliError((error as Error).message, EXIT_USAGE);
  }
  if (read.path) checkConfigKeys(read.file, CONFIG_KEYS, read.path);
  return read;
}

/**
 * A command's settings: its flags, else the environment, else the config
 * file (named by `--config`, `BASKET_CONFIG` or present as
 * `basket.config.json`), else the defaults.
 */
export async function loadSettings<S extends readonly OptionSpec[]>(
  options: S,
  flags: RawFlags,
  env: Readonly<Record<string, string | undefined>> = Deno.env.toObject(),
): Promise<SettingsOf<S>> {
  const config = flags.config;
  const { file, path } = await readSettingsFile(
    typeof config === "string" ? config : undefined,
    env,
  );
  return resolveSettings(options, flags, {
    env,
    file,
    ...(path ? { filePath: path } : {}),
  });
}

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
