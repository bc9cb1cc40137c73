/**
 * The columnar cache of loads: a checked load written as Parquet, keyed by
 * its input's stamps, options, version and code, read back on a rerun.
 *
 * @module
 */
export { type CacheStore, evictEntries } from "./cache_store.ts";
export { codeHash } from "./code_hash.ts";
export { loadKey } from "./load_key.ts";
export { openCachedSource, type SourceCache } from "./open_cached_source.ts";
