import { createHash } from "node:crypto";
import { contentType } from "./content_type.ts";
import { fileChunks } from "../pipeline/file_bytes.ts";
import { isLockedPage } from "../report/lock/is_locked_page.ts";
import { SIDECAR_MAGIC } from "../report/lock/sidecar_crypto.ts";

/**
 * S3's limit on one PUT: 5 GiB. Publishing uploads each file in one PUT, so
 * a larger file is refused before anything is uploaded.
 */
export const MAX_PUT_BYTES = 5 * 1024 ** 3;

/**
 * A file of a finished run in its local folder, hashed as it was read from
 * disk a chunk at a time: only `index.html` (the page the bucket's index is
 * switched to) is kept in memory.
 */
export interface RunFile {
  /** The path below the run folder, with `/` separators. */
  path: string;
  /** The file on disk, uploaded from there. */
  localPath: string;
  /** Its size in bytes. */
  size: number;
  /** The bytes of `index.html`; undefined for every other file. */
  bytes?: Uint8Array;
  /** SHA-256, lower-case hex. */
  sha256: string;
  /** MD5, lower-case hex: the ETag S3 gives a plain single-part upload. */
  md5: string;
  contentType: string;
}

/** Options for {@linkcode readRunFiles}. */
export interface ReadRunFilesOptions {
  /**
   * Read only `index.html` and the encrypted files beside it
   * (`segments.json.enc`, see {@linkcode lockedRunFiles}): for an encrypted
   * report, whose data must not be published in clear.
   */
  onlyIndex?: boolean;
}

/**
 * Finds the files of a finished run folder (`index.html`, `report.json`, the
 * CSVs, `notebooks/*.html`, ...) and their sizes and checksums, sorted by
 * path. Each file is hashed as it is read from disk a megabyte at a time and
 * not kept: only `index.html` is held, whole. A file over
 * {@linkcode MAX_PUT_BYTES} is refused. Hidden
 * files and a local `manifest.json` are skipped. Throws when the folder has
 * no `index.html`, and refuses a locked run (its `index.html` encrypted)
 * with any other file beside it: those would publish its data in clear.
 */
export async function readRunFiles(
  runDir: string,
  options: ReadRunFilesOptions = {},
): Promise<RunFile[]> {
  const paths: string[] = [];
  if (options.onlyIndex) {
    const all: string[] = [];
    await walk(runDir, "", all).catch(() => {});
    paths.push(
      "index.html",
      ...lockedRunFiles(all).filter((p) => p !== "index.html"),
    );
  } else {
    await walk(runDir, "", paths);
  }
  if (!paths.includes("index.html")) {
    throw new Error(
      `Cannot publish run folder ${
        JSON.stringify(runDir)
      }: it has no index.html`,
    );
  }
  const files: RunFile[] = [];
  for (const path of paths.sort()) {
    let file: RunFile;
    try {
      file = await readRunFile(runDir, path);
    } catch (error) {
      throw new Error(
        `Cannot publish run folder ${JSON.stringify(runDir)}: ${
          error instanceof Deno.errors.NotFound
            ? `it has no ${path}`
            : error instanceof RangeError
            ? error.message
            : `cannot read ${JSON.stringify(path)}: ${(error as Error).message}`
        }`,
      );
    }
    files.push(file);
  }
  const index = files.find((f) => f.path === "index.html")!;
  const clear: RunFile[] = [];
  for (const f of files) {
    if (f.path !== "index.html" && !await isSidecar(f)) clear.push(f);
  }
  if (clear.length > 0 && isLockedPage(index.bytes!)) {
    throw new Error(
      `Cannot publish run folder ${
        JSON.stringify(runDir)
      }: its index.html is locked, but ${clear.length} files beside it hold the report's data in clear (${
        clear.slice(0, 3).map((f) => f.path).join(", ")
      }${
        clear.length > 3 ? ", ..." : ""
      }): publish only the locked page (--only-index), or remove them`,
    );
  }
  return files;
}

/**
 * One file with its size and checksums: `index.html` read whole, every other
 * file streamed from disk through both hashes, so never held in memory.
 */
async function readRunFile(runDir: string, path: string): Promise<RunFile> {
  const localPath = `${runDir}/${path}`;
  const sha256 = createHash("sha256");
  const md5 = createHash("md5");
  let size = 0;
  let bytes: Uint8Array | undefined;
  if (path === "index.html") {
    bytes = await Deno.readFile(localPath);
    sha256.update(bytes);
    md5.update(bytes);
    size = bytes.byteLength;
  } else {
    using file = await Deno.open(localPath);
    const { size: onDisk } = await file.stat();
    if (onDisk > MAX_PUT_BYTES) {
      throw new RangeError(
        `${
          JSON.stringify(path)
        } has ${onDisk} bytes, more than the ${MAX_PUT_BYTES} bytes (5 GiB) that S3 takes in one upload`,
      );
    }
    for await (const chunk of fileChunks(file)) {
      sha256.update(chunk);
      md5.update(chunk);
      size += chunk.length;
    }
  }
  return {
    path,
    localPath,
    size,
    ...(bytes ? { bytes } : {}),
    sha256: sha256.digest("hex"),
    md5: md5.digest("hex"),
    contentType: contentType(path),
  };
}

/**
 * Of a locked run folder's files (paths below it), those published with its
 * locked page: `index.html` and the files encrypted beside it with the
 * page's key (`segments.json.enc`: top-level names ending `.enc`, whose
 * content {@linkcode readRunFiles} checks).
 */
export function lockedRunFiles(paths: readonly string[]): string[] {
  return paths.filter((path) =>
    path === "index.html" || /^[^/]+\.enc$/.test(path)
  );
}

/**
 * Whether a file of a run folder is a sidecar encrypted with its page's key:
 * its name, and its first bytes (read from disk).
 */
async function isSidecar(file: RunFile): Promise<boolean> {
  if (lockedRunFiles([file.path]).length !== 1) return false;
  using handle = await Deno.open(file.localPath);
  const start = new Uint8Array(8);
  let read = 0;
  while (read < start.length) {
    const n = await handle.read(start.subarray(read));
    if (n === null) break;
    read += n;
  }
  return new TextDecoder().decode(start.subarray(0, read)) === SIDECAR_MAGIC;
}

async function walk(root: string, below: string, out: string[]): Promise<void> {
  let entries: Deno.DirEntry[];
  try {
    entries = await Array.fromAsync(
      Deno.readDir(below ? `${root}/${below}` : root),
    );
  } catch (error) {
    throw new Error(
      `Cannot publish run folder ${JSON.stringify(root)}: ${
        error instanceof Deno.errors.NotFound
          ? "no such folder"
          : (error as Error).message
      }`,
    );
  }
  for (const entry of entries) {
    if (entry.name.startsWith(".")) continue;
    const path = below ? `${below}/${entry.name}` : entry.name;
    if (entry.isDirectory) {
      await walk(root, path, out);
    } else if (entry.isFile && path !== "manifest.json") {
      out.push(path);
    }
  }
}
