/**
 * The encryption of a locked run's sidecar files (`segments.json.enc`
 * beside the locked `index.html`), shared by the build (Deno) and the
 * unlocked page (the browser), which embeds these functions' source text
 * (see {@linkcode SIDECAR_CRYPTO_SOURCE}). Like `report_crypto.ts`, every
 * function here uses only web-platform globals and the other functions of
 * this file: no imports, no module-level values.
 *
 * The format, with the page's key (the same password, PBKDF2 salt and
 * iteration count as the page, so one password opens both):
 *
 * - a 24-byte header: the 8 ASCII bytes `BSKTENC1`, the version byte 1,
 *   three zero bytes, the plaintext chunk size (uint32, big-endian) and an
 *   8-byte random nonce prefix (the chunk size is at most 16 MiB);
 * - then the chunks: each `chunkSize` bytes of plaintext (the last one
 *   fewer, possibly none) encrypted with AES-256-GCM, so each is 16 bytes
 *   longer than its plaintext. Its 12-byte nonce is the prefix followed by
 *   the chunk's index (uint32, big-endian); its additional data is the
 *   header, the index and a byte that is 1 for the last chunk and 0 for the
 *   others. A file cut short, lengthened, with chunks swapped, or with
 *   another file's header or chunks fails to decrypt, as does a wrong key.
 *
 * This file keeps several exports because they form one unit that is
 * serialised together.
 *
 * @module
 */

/** The header's length in bytes. */
export const SIDECAR_HEADER_BYTES = 24;

/** The plaintext bytes of each chunk but the last: 1 MiB. */
export const SIDECAR_CHUNK_BYTES = 1 << 20;

/** A sidecar file's first 8 bytes, in ASCII. */
export const SIDECAR_MAGIC = "BSKTENC1";

/** The bytes GCM adds to each chunk (its tag). */
export const SIDECAR_TAG_BYTES = 16;

/**
 * A sidecar's header for a chunk size and an 8-byte nonce prefix (random
 * per file: never reuse one with the same key).
 */
export function sidecarHeader(
  chunkSize: number,
  noncePrefix: Uint8Array,
): Uint8Array<ArrayBuffer> {
  if (
    !Number.isInteger(chunkSize) || chunkSize < 1 || chunkSize > 0x100_0000
  ) {
    throw new RangeError(`Cannot encrypt a file in chunks of ${chunkSize}`);
  }
  if (noncePrefix.length !== 8) {
    throw new RangeError("A sidecar's nonce prefix must be 8 bytes");
  }
  const header = new Uint8Array(24);
  header.set(new TextEncoder().encode("BSKTENC1"), 0);
  header[8] = 1;
  new DataView(header.buffer).setUint32(12, chunkSize);
  header.set(noncePrefix, 16);
  return header;
}

/**
 * Reads a sidecar's header: its chunk size. Throws a `SyntaxError` when the
 * bytes are not a sidecar header of the known version.
 */
export function readSidecarHeader(header: Uint8Array): { chunkSize: number } {
  const magic = new TextDecoder().decode(header.subarray(0, 8));
  if (header.length < 24 || magic !== "BSKTENC1") {
    throw new SyntaxError("it is not an encrypted Basket file");
  }
  if (header[8] !== 1 || header[9] !== 0 || header[10] !== 0 || header[11]) {
    throw new SyntaxError(
      `it is an encrypted Basket file of an unknown version (${header[8]})`,
    );
  }
  const chunkSize = new DataView(
    header.buffer,
    header.byteOffset,
    header.byteLength,
  ).getUint32(12);
  // At most 16 MiB: a reader holds about two chunks, and the header is
  // authenticated only with the first chunk, so a damaged size must not
  // make it hold the file (up to 1 GiB) before it can tell.
  if (chunkSize < 1 || chunkSize > 0x100_0000) {
    throw new SyntaxError(`its chunk size ${chunkSize} is not possible`);
  }
  return { chunkSize };
}

/** The nonce and additional data of chunk `index` of a sidecar. */
export function sidecarChunkParameters(
  header: Uint8Array,
  index: number,
  last: boolean,
): { iv: Uint8Array<ArrayBuffer>; additionalData: Uint8Array<ArrayBuffer> } {
  if (!Number.isInteger(index) || index < 0 || index > 0xffff_ffff) {
    throw new RangeError(`A sidecar cannot have a chunk ${index}`);
  }
  const iv = new Uint8Array(12);
  iv.set(header.subarray(16, 24), 0);
  new DataView(iv.buffer).setUint32(8, index);
  const additionalData = new Uint8Array(24 + 5);
  additionalData.set(header.subarray(0, 24), 0);
  new DataView(additionalData.buffer).setUint32(24, index);
  additionalData[28] = last ? 1 : 0;
  return { iv, additionalData };
}

/** Encrypts chunk `index` of a sidecar (`last` for its last chunk). */
export async function encryptSidecarChunk(
  key: CryptoKey,
  header: Uint8Array,
  index: number,
  last: boolean,
  plaintext: Uint8Array,
): Promise<Uint8Array<ArrayBuffer>> {
  const { iv, additionalData } = sidecarChunkParameters(header, index, last);
  return new Uint8Array(
    await crypto.subtle.encrypt(
      { name: "AES-GCM", iv, additionalData },
      key,
      new Uint8Array(plaintext),
    ),
  );
}

/**
 * Decrypts chunk `index` of a sidecar. A wrong key, a changed chunk, a chunk
 * from elsewhere or a wrong `last` rejects with a `DOMException` named
 * `OperationError`.
 */
export async function decryptSidecarChunk(
  key: CryptoKey,
  header: Uint8Array,
  index: number,
  last: boolean,
  ciphertext: Uint8Array,
): Promise<Uint8Array<ArrayBuffer>> {
  const { iv, additionalData } = sidecarChunkParameters(header, index, last);
  return new Uint8Array(
    await crypto.subtle.decrypt(
      { name: "AES-GCM", iv, additionalData },
      key,
      new Uint8Array(ciphertext),
    ),
  );
}

/**
 * Decrypts a sidecar read as a stream of byte pieces of any sizes (a
 * `fetch` body, a file), handing each chunk's plaintext to `write` in
 * order; holds at most about two chunks. Rejects with a `SyntaxError` when
 * the bytes are not a sidecar or end inside its header, and with an
 * `OperationError` when the key is wrong or the file was cut, lengthened or
 * changed. `write` may be called before a later chunk fails: keep its output
 * only when this resolves.
 */
export async function decryptSidecarStream(
  key: CryptoKey,
  pieces: AsyncIterable<Uint8Array>,
  write: (plaintext: Uint8Array) => void | Promise<void>,
): Promise<void> {
  // The bytes read and not yet decrypted, in pieces, joined only when a
  // chunk is complete (or at the end).
  let parts: Uint8Array[] = [];
  let length = 0;
  const take = (count: number): Uint8Array => {
    const joined = new Uint8Array(count);
    let at = 0;
    while (at < count) {
      const part = parts[0];
      const used = Math.min(part.length, count - at);
      joined.set(part.subarray(0, used), at);
      at += used;
      if (used === part.length) parts.shift();
      else parts[0] = part.subarray(used);
    }
    length -= count;
    return joined;
  };
  let header: Uint8Array | null = null;
  let sealed = 0;
  let index = 0;
  for await (const piece of pieces) {
    parts.push(piece);
    length += piece.length;
    if (header === null) {
      if (length < 24) continue;
      header = take(24);
      sealed = readSidecarHeader(header).chunkSize + 16;
    }
    // A full chunk is known not to be the last only once a byte follows it.
    while (length > sealed) {
      const chunk = take(sealed);
      await write(
        await decryptSidecarChunk(key, header, index++, false, chunk),
      );
    }
  }
  const rest = take(length);
  parts = [];
  if (header === null) {
    throw new SyntaxError(
      rest.length === 0 ? "it is empty" : "it is cut short inside its header",
    );
  }
  await write(await decryptSidecarChunk(key, header, index, true, rest));
}

/**
 * The source text of the functions above that an unlocked page runs, in
 * an order in which each is defined before the page calls it.
 */
export const SIDECAR_CRYPTO_SOURCE: string = [
  readSidecarHeader,
  sidecarChunkParameters,
  decryptSidecarChunk,
  decryptSidecarStream,
].map((f) => f.toString()).join("\n");
