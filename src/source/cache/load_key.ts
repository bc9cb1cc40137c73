import { join, resolve } from "node:path";
import type { OpenSourceOptions } from "../open_source.ts";
import { codeHash, sha256 } from "./code_hash.ts";

/**
 * The cache key of a load: `load-` and a SHA-256 of what decides its
 * result. For files: the path as given and resolved, and the name, size,
 * modification and change times and inode of every file the path names (a
 * folder: every file in it), with the load options (mapping, date format,
 * encoding, bad rows, header, delimiter); for the built-in data: the seed and the simulator's
 * options. Always Basket's version and code (see codeHash).
 *
 * Stamps, not a content hash: hashing is a full read of the input (a
 * second or more of SHA-256 a gigabyte, on a rerun meant to take a few
 * seconds), while an edit that keeps a file's size, its inode and both its
 * times to the millisecond needs the clock set back on purpose (`make` and
 * `rsync` make the same bet).
 */
export async function loadKey(
  options: OpenSourceOptions,
  version: string,
): Promise<string> {
  const input = options.data === undefined
    ? { simulate: { seed: options.seed ?? 1, ...options.simulate } }
    : {
      path: options.data,
      resolved: resolve(options.data),
      files: await fileStamps(options.data),
      map: options.map ?? null,
      dateFormat: options.dateFormat ?? null,
      onBadRows: options.onBadRows ?? "fail",
      encoding: options.encoding ?? null,
      header: options.header ?? true,
      delimiter: options.delimiter ?? null,
    };
  const hash = await sha256([
    JSON.stringify({ version, code: await codeHash(), input }),
  ]);
  return `load-${hash.slice(0, 32)}`;
}

/** Name, size, times and inode of the file at `path`, or of every file in the folder. */
async function fileStamps(path: string): Promise<string[]> {
  const stamp = (name: string, info: Deno.FileInfo) =>
    [
      name,
      info.size,
      info.mtime?.getTime(),
      info.ctime?.getTime(),
      info.ino,
      info.isDirectory ? "dir" : "file",
    ].join(" ");
  const info = await Deno.stat(path);
  const stamps = [stamp(".", info)];
  if (!info.isDirectory) return stamps;
  for await (const entry of Deno.readDir(path)) {
    stamps.push(stamp(entry.name, await Deno.stat(join(path, entry.name))));
  }
  return stamps.sort();
}
