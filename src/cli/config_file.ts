import type { PublishFileSection } from "../publish/publish_config.ts";

/** The `schedule` section of the config file. */
export interface ScheduleFileSection {
  /** When to rerun the report, in cron syntax (UTC), e.g. `0 *\/6 * * *`. */
  cron?: string;
  /** The JSON-lines log file. */
  log?: string;
}

/**
 * Basket's JSON config file. Only the sections read here are typed; other
 * sections are left for the commands that read them.
 */
export interface ConfigFile {
  publish?: PublishFileSection;
  schedule?: ScheduleFileSection;
  [section: string]: unknown;
}

/** The config file read when no `--config` or `BASKET_CONFIG` names one. */
export const DEFAULT_CONFIG_FILE = "basket.config.json";

/**
 * Parses the config file's text. Throws a `SyntaxError` naming the file when
 * it is not JSON or a section is not an object.
 */
export function parseConfigFile(text: string, path: string): ConfigFile {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new SyntaxError(
      `Cannot read config file ${JSON.stringify(path)}: ${
        (error as Error).message
      }`,
    );
  }
  if (!isObject(value)) {
    throw new SyntaxError(
      `Cannot read config file ${JSON.stringify(path)}: expected a JSON object`,
    );
  }
  for (const section of ["publish", "schedule"]) {
    if (value[section] !== undefined && !isObject(value[section])) {
      throw new SyntaxError(
        `Cannot read config file ${
          JSON.stringify(path)
        }: "${section}" is not an object`,
      );
    }
  }
  return value as ConfigFile;
}

/**
 * Reads the config file at `path`; without a path, reads `BASKET_CONFIG`'s
 * file or `basket.config.json` when it exists, else returns `{}`. A file named
 * explicitly must exist.
 */
export async function readBasketConfig(
  path?: string,
  env: Readonly<Record<string, string | undefined>> = {},
): Promise<{ file: ConfigFile; path?: string }> {
  const explicit = path ?? (env.BASKET_CONFIG || undefined);
  const chosen = explicit ?? DEFAULT_CONFIG_FILE;
  let text: string;
  try {
    text = await Deno.readTextFile(chosen);
  } catch (error) {
    if (!explicit && error instanceof Deno.errors.NotFound) return { file: {} };
    throw new Error(
      `Cannot read config file ${JSON.stringify(chosen)}: ${
        error instanceof Deno.errors.NotFound
          ? "no such file"
          : (error as Error).message
      }`,
    );
  }
  return { file: parseConfigFile(text, chosen), path: chosen };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
