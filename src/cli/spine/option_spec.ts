/**
 * How a command declares its options, once: from these declarations come its
 * parser, its `--help`, its config keys and the precedence of its settings
 * (flag > environment > config file > default).
 *
 * @module
 */

/** One option of a command. */
export interface OptionSpec {
  /** The flag's name without `--`: `as-of`. */
  readonly name: string;
  /** A one-letter alias (`-o`). */
  readonly short?: string;
  /**
   * `string` takes a value, `boolean` none, `list` a value and may be
   * repeated (`--category A --category B`).
   */
  readonly kind: "string" | "boolean" | "list";
  /** The value's placeholder in `--help`: `DATE`, `N`, `PATH`. */
  readonly value?: string;
  /** One line (or more, joined by `\n`) for `--help`. */
  readonly help: string;
  /** The heading `--help` lists it under; default "Options". */
  readonly section?: string;
  /** The value when no flag, variable or config key gives one. */
  readonly default?: unknown;
  /** How `--help` shows the default, when not `String(default)`. */
  readonly defaultText?: string;
  /** Environment variables read when the flag is absent, first set wins. */
  readonly env?: readonly string[];
  /** The config file key, dotted for a section: `publish.bucket`. */
  readonly config?: string;
  /**
   * Checks and converts a text value (of a list, each item); `from` names
   * where it came from (`--seed`, `BASKET_SEED`, `"seed" in "x.json"`).
   * Throws a `RangeError` or `TypeError` in the house style.
   */
  readonly parse?: (text: string, from: string) => unknown;
  /** Checks and converts a config file value that is not text. */
  readonly parseConfig?: (value: unknown, from: string) => unknown;
  /**
   * Resolved by the layer that owns it (the S3 settings: `resolvePublishConfig`,
   * with the same precedence); declared here for the parser, `--help` and the
   * config keys.
   */
  readonly deferred?: boolean;
}

/** A command: its options and the text around them in `--help`. */
export interface CommandSpec {
  /** The deno task: `report`. */
  readonly name: string;
  /** What follows `deno task <name>` on the usage line(s). */
  readonly usage: readonly string[];
  /** A paragraph after the usage line. */
  readonly description: string;
  readonly options: readonly OptionSpec[];
  /** Whether the command takes arguments besides options. */
  readonly positionals?: boolean;
  /** A paragraph at the end of `--help`, before the exit codes. */
  readonly epilogue?: string;
}

type Parsed<O> = O extends { parse: (...args: never[]) => infer T } ? T
  : string;

type ValueOf<O> = O extends { deferred: true }
  ? O extends { kind: "boolean" } ? boolean | undefined
  : O extends { kind: "list" } ? string[]
  : string | undefined
  : O extends { kind: "boolean" } ? boolean
  : O extends { kind: "list" } ? Parsed<O>[]
  : O extends { default: unknown } ? Parsed<O>
  : Parsed<O> | undefined;

/** The resolved settings of a list of options declared `as const`. */
export type SettingsOf<S extends readonly OptionSpec[]> = {
  [O in S[number] as O["name"]]: ValueOf<O>;
};
