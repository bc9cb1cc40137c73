/**
 * A file's bytes a chunk at a time, read and written without holding the
 * file whole: what the run's large files (segments.json and its encrypted
 * sidecar) are hashed, copied and published with.
 *
 * @module
 */
import { createHash } from "node:crypto";

/** The chunk {@linkcode fileChunks} reads by default: a megabyte. */
export const FILE_CHUNK_BYTES = 1 << 20;

/**
 * The bytes of the file at `path` (or of an open file), a chunk at a time.
 * Each chunk is a view of one buffer, valid until the next is asked for.
 * A file opened here is closed when the loop ends, however it ends.
 */
export async function* fileChunks(
  source: string | Deno.FsFile,
  chunkBytes: number = FILE_CHUNK_BYTES,
): AsyncGenerator<Uint8Array> {
  const file = typeof source === "string"
    ? await Deno.open(source, { read: true })
    : source;
  try {
    const buffer = new Uint8Array(chunkBytes);
    for (;;) {
      const read = await file.read(buffer);
      if (read === null) return;
      yield buffer.subarray(0, read);
    }
  } finally {
    if (typeof source === "string") file.close();
  }
}

/** Writes all of `bytes` to `file` (one write may take only part of them). */
export async function writeAll(
  file: Deno.FsFile,
  bytes: Uint8Array,
): Promise<void> {
  let written = 0;
  while (written < bytes.length) {
    written += await file.write(bytes.subarray(written));
  }
}

/**
 * The SHA-256 (lower-case hex) of the file at `path`, read a megabyte at a
 * time: a file of any size is never held whole.
 */
export async function fileSha256(path: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of fileChunks(path)) hash.update(chunk);
  return hash.digest("hex");
}
