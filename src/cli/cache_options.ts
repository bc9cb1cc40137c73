import { join } from "node:path";
import type { SourceCache } from "../source/cache/open_cached_source.ts";
import { nonEmpty, wholeNumber } from "./spine/validators.ts";

const SECTION = "Cache (see docs/report.md)";

/** The size bound of the cache folder when none is set, in MB. */
export const DEFAULT_CACHE_MB = 2000;

/**
 * The cache options of `report`, declared once: the columnar cache of
 * loads, the bundled page script and whole built runs.
 */
export const CACHE_OPTIONS = [
  {
    name: "no-cache",
    kind: "boolean",
    section: SECTION,
    help:
      "build the whole run again (load and check the data, bundle the\npage's script) rather than read it from the cache, and write\nnothing to it",
    env: ["BASKET_NO_CACHE"],
    config: "noCache",
  },
  {
    name: "cache-dir",
    kind: "string",
    value: "DIR",
    section: SECTION,
    help: "the cache folder",
    defaultText: "$XDG_CACHE_HOME/basket, else ~/.cache/basket",
    env: ["BASKET_CACHE_DIR"],
    config: "cacheDir",
    parse: nonEmpty,
  },
  {
    name: "cache-size",
    kind: "string",
    value: "MB",
    section: SECTION,
    help:
      "the most the cache folder may hold, in MB (10^6 bytes): the least\nrecently used entries go first",
    default: DEFAULT_CACHE_MB,
    env: ["BASKET_CACHE_SIZE"],
    config: "cacheSize",
    parse: wholeNumber({ min: 1 }),
  },
] as const;

/**
 * The cache the settings describe, or null with `--no-cache` or when no
 * folder can be named (no `XDG_CACHE_HOME` and no `HOME`).
 */
export function cacheFor(
  settings: {
    "no-cache": boolean;
    "cache-dir": string | undefined;
    "cache-size": number;
  },
  version: string,
  env: Readonly<Record<string, string | undefined>> = Deno.env.toObject(),
): SourceCache | null {
  if (settings["no-cache"]) return null;
  const dir = settings["cache-dir"] ?? defaultCacheDir(env);
  if (!dir) return null;
  return { dir, maxBytes: settings["cache-size"] * 1_000_000, version };
}

/** `$XDG_CACHE_HOME/basket`, else `~/.cache/basket`, as the XDG base directories say. */
export function defaultCacheDir(
  env: Readonly<Record<string, string | undefined>>,
): string | undefined {
  const xdg = env.XDG_CACHE_HOME;
  // The specification: a relative path there is invalid and ignored.
  if (xdg && xdg.startsWith("/")) return join(xdg, "basket");
  return env.HOME ? join(env.HOME, ".cache", "basket") : undefined;
}
