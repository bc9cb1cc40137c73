import { join } from "node:path";

/**
 * Where cached entries live and how large the folder may grow: the
 * settings of `--cache-dir` and the cache's size bound.
 */
export interface CacheStore {
  /** The cache folder (by default `$XDG_CACHE_HOME/basket`). */
  dir: string;
  /** The most bytes the folder may hold; the least recently used entries go first. */
  maxBytes: number;
}

/** The file, written last inside an entry, that lists its files and sizes. */
const MANIFEST = "entry.json";

interface Manifest {
  key: string;
  files: Record<string, number>;
}

/**
 * The folder of the complete entry `key`, or null when there is none or it
 * is damaged (a file missing or of another size than its manifest says); a
 * damaged entry is removed. Using an entry marks it as recently used.
 */
export async function findEntry(
  store: CacheStore,
  key: string,
): Promise<string | null> {
  const dir = join(store.dir, key);
  let manifest: Manifest;
  try {
    manifest = JSON.parse(await Deno.readTextFile(join(dir, MANIFEST)));
    if (manifest.key !== key || typeof manifest.files !== "object") {
      throw new SyntaxError("not this entry's manifest");
    }
    for (const [name, size] of Object.entries(manifest.files)) {
      if ((await Deno.stat(join(dir, name))).size !== size) {
        throw new RangeError(`${name} is not ${size} bytes`);
      }
    }
  } catch (error) {
    if (!(error instanceof Deno.errors.NotFound) || await exists(dir)) {
      await dropEntry(store, key);
    }
    return null;
  }
  const now = new Date();
  await Deno.utime(join(dir, MANIFEST), now, now).catch(() => {});
  return dir;
}

/**
 * Writes the entry `key` atomically: `fill` writes its files into a
 * temporary folder, which is renamed into place once its manifest is
 * written, so that a reader sees the whole entry or none. Then the least
 * recently used entries are evicted until the store fits its bound.
 */
export async function writeEntry(
  store: CacheStore,
  key: string,
  fill: (dir: string) => Promise<void>,
): Promise<void> {
  await Deno.mkdir(store.dir, { recursive: true });
  const temp = await Deno.makeTempDir({ dir: store.dir, prefix: ".tmp-" });
  try {
    await fill(temp);
    const files: Record<string, number> = {};
    for await (const entry of Deno.readDir(temp)) {
      files[entry.name] = (await Deno.stat(join(temp, entry.name))).size;
    }
    const manifest: Manifest = { key, files };
    await Deno.writeTextFile(join(temp, MANIFEST), JSON.stringify(manifest));
    await dropEntry(store, key);
    await Deno.rename(temp, join(store.dir, key));
  } catch (error) {
    await Deno.remove(temp, { recursive: true }).catch(() => {});
    throw error;
  }
  await evictEntries(store, key);
}

/** Removes an entry (a damaged one, or one about to be replaced). */
export async function dropEntry(store: CacheStore, key: string): Promise<void> {
  await Deno.remove(join(store.dir, key), { recursive: true }).catch(
    () => {},
  );
}

/** A temporary folder older than this is left over from a run that died. */
const STALE_TEMP_MS = 3_600_000;

/**
 * Removes the least recently used entries until the folder holds at most
 * `maxBytes`, never the entry `keep` (just written), and temporary folders
 * left over by a run that died.
 */
export async function evictEntries(
  store: CacheStore,
  keep?: string,
): Promise<void> {
  const entries: { name: string; used: number; bytes: number }[] = [];
  for await (const entry of Deno.readDir(store.dir)) {
    if (!entry.isDirectory) continue;
    const dir = join(store.dir, entry.name);
    let bytes = 0;
    let used = 0;
    for await (const file of Deno.readDir(dir)) {
      const info = await Deno.stat(join(dir, file.name)).catch(() => null);
      bytes += info?.size ?? 0;
      if (file.name === MANIFEST) used = info?.mtime?.getTime() ?? 0;
    }
    if (entry.name.startsWith(".tmp-")) {
      const info = await Deno.stat(dir).catch(() => null);
      const age = Date.now() - (info?.mtime?.getTime() ?? 0);
      if (age > STALE_TEMP_MS) await dropEntry(store, entry.name);
      continue;
    }
    entries.push({ name: entry.name, used, bytes });
  }
  let total = entries.reduce((sum, e) => sum + e.bytes, 0);
  entries.sort((a, b) => a.used - b.used || a.name.localeCompare(b.name));
  for (const entry of entries) {
    if (total <= store.maxBytes) break;
    if (entry.name === keep) continue;
    await dropEntry(store, entry.name);
    total -= entry.bytes;
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await Deno.stat(path);
    return true;
  } catch {
    return false;
  }
}
