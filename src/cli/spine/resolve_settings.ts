import { CliError } from "../../model/cli_error.ts";
import { EXIT_USAGE } from "../exit_codes.ts";
import { didYouMean } from "../../model/did_you_mean.ts";
import type { OptionSpec, SettingsOf } from "./option_spec.ts";
import type { RawFlags } from "./parse_command.ts";

/** Where settings come from besides the flags. */
export interface SettingsSources {
  /** Environment variables (`Deno.env.toObject()`). */
  env?: Readonly<Record<string, string | undefined>>;
  /** The config file's content; absent when the command reads none. */
  file?: Readonly<Record<string, unknown>>;
  /** The config file's path, named in messages. */
  filePath?: string;
}

/**
 * Each option's value, by precedence: the flag, else the first environment
 * variable set (not empty), else the config file key, else the default.
 * Values are checked by the option's `parse`; a bad one is a
 * {@linkcode CliError} (exit 2) naming where it came from. Deferred options
 * keep the flag's raw value.
 *
 * @example
 * ```ts
 * import { resolveSettings } from "./resolve_settings.ts";
 * const options = [{ name: "out", kind: "string", help: "", env: ["OUT"], default: "reports" }] as const;
 * const settings = resolveSettings(options, {}, { env: { OUT: "/tmp/r" } });
 * if (settings.out !== "/tmp/r") throw new Error();
 * ```
 */
export function resolveSettings<S extends readonly OptionSpec[]>(
  options: S,
  flags: RawFlags,
  sources: SettingsSources = {},
): SettingsOf<S> {
  const settings: Record<string, unknown> = {};
  for (const option of options) {
    try {
      settings[option.name] = resolveOne(option, flags[option.name], sources);
    } catch (error) {
      if (error instanceof CliError) throw error;
      throw new CliError((error as Error).message, EXIT_USAGE);
    }
  }
  return settings as SettingsOf<S>;
}

function resolveOne(
  option: OptionSpec,
  flag: RawFlags[string],
  { env = {}, file, filePath = "the config file" }: SettingsSources,
): unknown {
  const parse = option.parse ?? ((text: string) => text);
  const list = option.kind === "list";
  if (option.deferred) return list ? flag ?? [] : flag;
  if (Array.isArray(flag) ? flag.length > 0 : flag !== undefined) {
    const from = `--${option.name}`;
    if (typeof flag === "boolean") return flag;
    return Array.isArray(flag)
      ? flag.map((item) => parse(item, from))
      : parse(flag as string, from);
  }
  for (const name of option.env ?? []) {
    const text = env[name];
    if (text === undefined || text.trim() === "") continue;
    if (option.kind === "boolean") return readBoolean(text, name);
    return list
      ? text.split(/[;\n]/).map((item) => item.trim()).filter(Boolean)
        .map((item) => parse(item, name))
      : parse(text, name);
  }
  const value = option.config && file
    ? configValue(file, option.config)
    : undefined;
  if (value !== undefined && value !== null) {
    const from = `${JSON.stringify(option.config)} in ${
      filePath.startsWith("the ") ? filePath : JSON.stringify(filePath)
    }`;
    if (option.parseConfig) return option.parseConfig(value, from);
    if (option.kind === "boolean") {
      if (typeof value === "boolean") return value;
    } else if (list) {
      if (Array.isArray(value) && value.every((v) => typeof v === "string")) {
        return value.map((item) => parse(item, from));
      }
    } else if (typeof value === "string" || typeof value === "number") {
      return parse(String(value), from);
    }
    throw new TypeError(
      `Cannot read ${from}: expected ${
        option.kind === "boolean"
          ? "true or false"
          : list
          ? "a list of strings"
          : "a string or a number"
      }, got ${JSON.stringify(value)}`,
    );
  }
  return option.default ??
    (option.kind === "boolean" ? false : list ? [] : undefined);
}

/** The value at a dotted key (`publish.bucket`) of a config file. */
function configValue(file: Readonly<Record<string, unknown>>, key: string) {
  let value: unknown = file;
  for (const part of key.split(".")) {
    if (typeof value !== "object" || value === null) return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

/** Reads `1`, `true`, `yes`, `on` or `0`, `false`, `no`, `off`. */
export function readBoolean(text: string, from: string): boolean {
  const t = text.trim().toLowerCase();
  if (["1", "true", "yes", "on"].includes(t)) return true;
  if (["0", "false", "no", "off"].includes(t)) return false;
  throw new RangeError(
    `Invalid ${from}: ${JSON.stringify(text)} is not true or false`,
  );
}

/**
 * Refuses a config file key no command declares, with a "did you mean" when
 * a known key is close: a {@linkcode CliError} with exit code 2 naming the
 * file. A key whose value is an object is checked key by key, unless the
 * key itself is declared (`map`).
 */
export function checkConfigKeys(
  file: Readonly<Record<string, unknown>>,
  known: readonly string[],
  filePath: string,
  prefix = "",
): void {
  for (const [key, value] of Object.entries(file)) {
    const dotted = `${prefix}${key}`;
    if (known.includes(dotted)) continue;
    const isSection = known.some((k) => k.startsWith(`${dotted}.`));
    if (isSection && typeof value === "object" && value !== null) {
      checkConfigKeys(
        value as Record<string, unknown>,
        known,
        filePath,
        `${dotted}.`,
      );
      continue;
    }
    const guess = didYouMean(dotted, known);
    throw new CliError(
      `Unknown key ${JSON.stringify(dotted)} in config file ${
        JSON.stringify(filePath)
      }${
        guess ? ` (did you mean ${JSON.stringify(guess)}?)` : ""
      }: see docs/cli.md for the keys`,
      EXIT_USAGE,
    );
  }
}
