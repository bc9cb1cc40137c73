import type { LoadedSource } from "../load_report.ts";
import { openSource, type OpenSourceOptions } from "../open_source.ts";
import type { CacheStore } from "./cache_store.ts";
import { readCachedLoad, writeCachedLoad } from "./cached_load.ts";
import { loadKey } from "./load_key.ts";

/** Options for {@linkcode openCachedSource}. */
export interface SourceCache extends CacheStore {
  /** Basket's version, part of every key. */
  version: string;
  /** A progress line: whether the load came from the cache. */
  log?: (message: string) => void;
}

/**
 * Opens the data as openSource does, through the columnar cache: a load
 * already cached for the same input files (or seed), options, version and
 * code is read back from Parquet instead of loaded and checked again; any
 * other is loaded and then cached. A cache that cannot be written only
 * costs a warning.
 */
export async function openCachedSource(
  options: OpenSourceOptions,
  cache: SourceCache,
): Promise<LoadedSource> {
  let key: string;
  try {
    key = await loadKey(options, cache.version);
  } catch {
    // The input cannot even be looked at: let the load say why.
    return await openSource(options);
  }
  const cached = await readCachedLoad(cache, key);
  if (cached) {
    cache.log?.(`cache        load read from ${cache.dir}/${key}`);
    return cached;
  }
  const loaded = await openSource(options);
  try {
    await writeCachedLoad(cache, key, loaded);
  } catch (error) {
    cache.log?.(
      `warning: cannot write the load cache in ${JSON.stringify(cache.dir)}: ${
        (error as Error).message
      }`,
    );
  }
  return loaded;
}
