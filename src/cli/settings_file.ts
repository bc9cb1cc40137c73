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
