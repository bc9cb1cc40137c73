import { createHash } from "node:crypto";
import { contentType } from "./content_type.ts";
import { isLockedPage } from "../report/lock/is_locked_page.ts";
import { SIDECAR_MAGIC } from "../report/lock/sidecar_crypto.ts";

/** A file of a finished run, read from its local folder. */
export interface RunFile {
  /** The path below the run folder, with `/` separators. */
  path: string;
  bytes: Uint8Array;
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
 * Reads the files of a finished run folder (`index.html`, `report.json`, the
 * CSVs, `notebooks/*.html`, ...) with their checksums, sorted by path. Hidden
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
    let bytes: Uint8Array;
    try {
      bytes = await Deno.readFile(`${runDir}/${path}`);
    } catch (error) {
      throw new Error(
        `Cannot publish run folder ${JSON.stringify(runDir)}: ${
          error instanceof Deno.errors.NotFound
            ? `it has no ${path}`
            : `cannot read ${JSON.stringify(path)}: ${(error as Error).message}`
        }`,
      );
    }
    files.push({
      path,
      bytes,
      sha256: createHash("sha256").update(bytes).digest("hex"),
      md5: createHash("md5").update(bytes).digest("hex"),
      contentType: contentType(path),
    });
  }
  const index = files.find((f) => f.path === "index.html")!;
  const clear = files.filter((f) =>
    f.path !== "index.html" && !isSidecar(f.path, f.bytes)
  );
  if (clear.length > 0 && isLockedPage(index.bytes)) {
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

/** Whether a file of a run folder is a sidecar encrypted with its page's key. */
function isSidecar(path: string, bytes: Uint8Array): boolean {
  return lockedRunFiles([path]).length === 1 &&
    new TextDecoder().decode(bytes.subarray(0, 8)) === SIDECAR_MAGIC;
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
