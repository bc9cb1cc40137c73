import { join } from "node:path";
import {
  type CacheStore,
  findEntry,
  writeEntry,
} from "../source/cache/cache_store.ts";
import { codeHash } from "../source/cache/code_hash.ts";

/**
 * The page's script through the cache: bundled once per version of
 * Basket's code (every file under src/, deno.json, deno.lock) and of Deno,
 * then read from the cache folder instead of running `deno bundle` again.
 * An entry made by other code has another key, so a stale script is never
 * used; a cache that cannot be written only costs the cache.
 */
export async function cachedBundle(
  store: CacheStore,
  bundle: () => Promise<string>,
): Promise<string> {
  const key = `bundle-${(await codeHash()).slice(0, 32)}`;
  const dir = await findEntry(store, key);
  if (dir) {
    try {
      return await Deno.readTextFile(join(dir, "main.js"));
    } catch {
      // Removed since: bundle it again.
    }
  }
  const script = await bundle();
  await writeEntry(store, key, async (temp) => {
    await Deno.writeTextFile(join(temp, "main.js"), script);
  }).catch(() => {});
  return script;
}
