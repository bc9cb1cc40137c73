import {
  decryptSidecarStream,
  encryptSidecarChunk,
  SIDECAR_CHUNK_BYTES,
  sidecarHeader,
} from "../report/lock/sidecar_crypto.ts";
import { writeAll } from "./file_bytes.ts";
import type { LockKey } from "../report/lock/encrypt_page.ts";
import { lockedPayloadOf, unlockPageKey } from "../report/lock/decrypt_page.ts";

/** The suffix of a file kept encrypted beside a locked page. */
export const SIDECAR_SUFFIX = ".enc";

/**
 * Encrypts the file at `from` into a sidecar at `to` with a locked run's key
 * (see `sidecar_crypto.ts` for the format), a chunk at a time: it holds
 * about two chunks (2 MiB) whatever the file's size. `to` is written anew;
 * on failure it is removed.
 */
export async function encryptSidecarFile(
  key: LockKey,
  from: string,
  to: string,
  chunkSize: number = SIDECAR_CHUNK_BYTES,
): Promise<void> {
  const header = sidecarHeader(
    chunkSize,
    crypto.getRandomValues(new Uint8Array(8)),
  );
  using input = await Deno.open(from, { read: true });
  await writeOrRemove(to, async (output) => {
    await writeAll(output, header);
    // A chunk is written once the next is read, so that the last is known.
    let held = await readChunk(input, chunkSize);
    for (let index = 0;; index++) {
      const next = held.length < chunkSize
        ? new Uint8Array(0)
        : await readChunk(input, chunkSize);
      const last = next.length === 0;
      await writeAll(
        output,
        await encryptSidecarChunk(key.key, header, index, last, held),
      );
      if (last) break;
      held = next;
    }
  });
}

/**
 * Decrypts the sidecar at `from` into `to` with a locked run's key, a chunk
 * at a time. Throws a `SyntaxError` when the file is no sidecar, and a
 * `DOMException` named `OperationError` when the key is wrong or the file
 * was cut short, lengthened or changed; `to` is then removed.
 */
export async function decryptSidecarFile(
  key: CryptoKey,
  from: string,
  to: string,
): Promise<void> {
  using input = await Deno.open(from, { read: true });
  await writeOrRemove(
    to,
    (output) =>
      decryptSidecarStream(
        key,
        input.readable,
        (plaintext) => writeAll(output, plaintext),
      ),
  );
}

/**
 * Writes the file `to` anew with `fill`, closing it after; when `fill`
 * fails, `to` is removed and the error thrown on.
 */
async function writeOrRemove(
  to: string,
  fill: (output: Deno.FsFile) => Promise<void>,
): Promise<void> {
  const output = await Deno.open(to, {
    write: true,
    create: true,
    truncate: true,
  });
  try {
    await fill(output);
    output.close();
  } catch (error) {
    try {
      output.close();
    } catch {
      // already closed
    }
    await Deno.remove(to).catch(() => {});
    throw error;
  }
}

/** Why a locked run's sidecar could not be opened, in words. */
export type OpenSidecarResult =
  | { ok: true }
  | { ok: false; reason: string };

/**
 * Opens a locked run's sidecar for Basket itself (an earlier run's
 * `segments.json.enc`, for "Who moved"): checks `password` against the run's
 * locked page (`page`, its text), then decrypts the sidecar at `sidecar`
 * into the file `to`, a chunk at a time. Says why not, in words, when the
 * page is no locked page or is damaged, the password is wrong, or the
 * sidecar is missing, damaged, cut short or another run's; `to` is then
 * not left behind.
 */
export async function openLockedSidecar(
  page: string,
  sidecar: string,
  password: string,
  to: string,
): Promise<OpenSidecarResult> {
  try {
    await lockedPayloadOf(page);
  } catch (error) {
    return { ok: false, reason: (error as Error).message };
  }
  let key: CryptoKey;
  try {
    key = (await unlockPageKey(page, password)).key;
  } catch {
    return { ok: false, reason: "it is locked with another password" };
  }
  try {
    await decryptSidecarFile(key, sidecar, to);
    return { ok: true };
  } catch (error) {
    const name = sidecar.split(/[\\/]/).at(-1);
    if (error instanceof Deno.errors.NotFound) {
      return { ok: false, reason: `it is locked and has no ${name}` };
    }
    return {
      ok: false,
      reason: `its ${name} is damaged: ${
        error instanceof DOMException && error.name === "OperationError"
          ? "cut short, changed, or not this run's"
          : (error as Error).message
      }`,
    };
  }
}

async function readChunk(file: Deno.FsFile, size: number): Promise<Uint8Array> {
  const buffer = new Uint8Array(size);
  let filled = 0;
  while (filled < size) {
    const read = await file.read(buffer.subarray(filled));
    if (read === null) break;
    filled += read;
  }
  return buffer.subarray(0, filled);
}
