import { parseArgs } from "node:util";
import { CliError } from "../../model/cli_error.ts";
import { EXIT_USAGE } from "../exit_codes.ts";
import { didYouMean } from "../../model/did_you_mean.ts";
import type { CommandSpec } from "./option_spec.ts";

/** The raw values of a command line: text, `true`, or lists of text. */
export type RawFlags = Record<string, string | boolean | string[] | undefined>;

/** A command line read against a {@linkcode CommandSpec}. */
export interface ParsedCommand {
  flags: RawFlags;
  positionals: string[];
  /** `-h` or `--help` was given. */
  help: boolean;
  /** `--version` was given. */
  version: boolean;
}

/**
 * Reads a command line with `node:util` `parseArgs` (strict) from the
 * command's declaration, plus `-h`/`--help` and `--version`. An unknown
 * option (with a "did you mean" when one is close), a missing value, a value
 * given twice or a stray argument is a {@linkcode CliError} with exit code 2.
 * Values are left as text: {@linkcode resolveSettings} checks them.
 *
 * @example
 * ```ts
 * import { parseCommand } from "./parse_command.ts";
 * const spec = { name: "x", usage: [], description: "", options: [
 *   { name: "seed", kind: "string", help: "" },
 * ] } as const;
 * if (parseCommand(spec, ["--seed=-7"]).flags.seed !== "-7") throw new Error();
 * ```
 */
export function parseCommand(
  spec: CommandSpec,
  args: readonly string[],
): ParsedCommand {
  const options: Record<
    string,
    { type: "string" | "boolean"; multiple?: boolean; short?: string }
  > = {
    help: { type: "boolean", short: "h" },
    version: { type: "boolean" },
  };
  for (const option of spec.options) {
    options[option.name] = {
      type: option.kind === "boolean" ? "boolean" : "string",
      ...(option.kind === "list" ? { multiple: true } : {}),
      ...(option.short ? { short: option.short } : {}),
    };
  }
  let parsed;
  try {
    parsed = parseArgs({
      args: negativeValues(args, options),
      options,
      strict: true,
      allowPositionals: spec.positionals ?? false,
      tokens: true,
    });
  } catch (error) {
    throw usageError(error as Error & { code?: string }, Object.keys(options));
  }
  const seen = new Set<string>();
  for (const token of parsed.tokens ?? []) {
    if (token.kind !== "option" || token.value === undefined) continue;
    if (options[token.name].multiple) continue;
    if (seen.has(token.name)) {
      throw new CliError(
        `Option "--${token.name}" is given twice: see --help`,
        EXIT_USAGE,
      );
    }
    seen.add(token.name);
  }
  const { help, version, ...flags } = parsed.values as RawFlags;
  return {
    flags,
    positionals: parsed.positionals,
    help: help === true,
    version: version === true,
  };
}

/** Joins `--seed -7` into `--seed=-7`, so that negative numbers read as values. */
function negativeValues(
  args: readonly string[],
  options: Record<string, { type: string }>,
): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const name = args[i].startsWith("--") ? args[i].slice(2) : "";
    if (
      options[name]?.type === "string" && /^-\d/.test(args[i + 1] ?? "")
    ) {
      out.push(`${args[i]}=${args[++i]}`);
    } else out.push(args[i]);
  }
  return out;
}

function usageError(
  error: Error & { code?: string },
  names: string[],
): CliError {
  const quoted = /'([^' ]+)/.exec(error.message)?.[1] ?? "";
  if (error.code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") {
    const guess = quoted.startsWith("--")
      ? didYouMean(quoted.slice(2), names)
      : undefined;
    return new CliError(
      `Unknown option ${JSON.stringify(quoted)}${
        guess ? ` (did you mean "--${guess}"?)` : ""
      }: see --help for the options`,
      EXIT_USAGE,
    );
  }
  if (error.code === "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL") {
    return new CliError(
      `Unexpected argument ${
        JSON.stringify(quoted)
      }: options start with "--"; see --help`,
      EXIT_USAGE,
    );
  }
  if (error.code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") {
    const takesNone = error.message.includes("does not take an argument");
    return new CliError(
      `Option ${JSON.stringify(quoted)} ${
        takesNone ? "takes no value" : "needs a value"
      }: see --help`,
      EXIT_USAGE,
    );
  }
  return new CliError(`${error.message}: see --help`, EXIT_USAGE);
}
