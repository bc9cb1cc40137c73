/**
 * The cryptography of a locked report page, shared by the build (Deno) and
 * the page itself (the browser). A locked page embeds these functions' source
 * text (see {@linkcode REPORT_CRYPTO_SOURCE}), so the browser runs exactly the
 * code that the tests run. Therefore every function here uses only
 * web-platform globals (`crypto.subtle`, `TextEncoder`, `CompressionStream`,
 * `atob`, …) and the other functions of this file: no imports, no
 * module-level values.
 *
 * This file keeps several exports because they form one unit that is
 * serialised together.
 *
 * @module
 */

/**
 * What a locked page embeds, as JSON: the encrypted report and the parameters
 * needed to open it. Binary values are base64. None of it is secret except
 * the report, which only the ciphertext holds.
 */
export interface LockedPayload {
  /** Format version; a page with another version is refused. */
  v: 1;
  /** Key derivation: PBKDF2 with HMAC-SHA-256. */
  kdf: "PBKDF2-SHA-256";
  /** PBKDF2 iteration count. */
  iterations: number;
  /** The PBKDF2 salt, 16 random bytes, base64. */
  salt: string;
  /** Cipher: AES-GCM with a 256-bit key and a 128-bit tag. */
  cipher: "AES-256-GCM";
  /** The AES-GCM nonce, 12 random bytes, base64. */
  iv: string;
  /** The report's UTF-8 bytes are gzip-compressed before encryption. */
  compression: "gzip";
  /** The encrypted, compressed report followed by the GCM tag, base64. */
  ciphertext: string;
  /**
   * SHA-256 of the ciphertext's bytes, base64: tells a damaged page (a cut
   * download, a changed byte) from a wrong password. It says nothing of the
   * report. Pages made before it existed lack it.
   */
  sha256?: string;
}

/** SHA-256 of bytes, as base64. */
export async function sha256Base64(bytes: Uint8Array): Promise<string> {
  return bytesToBase64(
    new Uint8Array(
      await crypto.subtle.digest("SHA-256", new Uint8Array(bytes)),
    ),
  );
}

/**
 * Reads a locked page's payload (the text of its
 * `basket-locked-report` element) and checks it whole: JSON of the known
 * format, well-formed base64 of the right lengths, and the ciphertext's
 * checksum. Throws a `SyntaxError` beginning "The page is damaged" that
 * says what is wrong, so that a damaged page is never taken for a wrong
 * password.
 */
export async function readLockedPayload(
  text: string | null | undefined,
): Promise<LockedPayload> {
  const damaged = (problem: string): never => {
    throw new SyntaxError(
      `The page is damaged: ${problem}. Download or copy it again from where it was published`,
    );
  };
  if (!text || !text.trim()) damaged("it holds no encrypted report");
  let payload: LockedPayload;
  try {
    payload = JSON.parse(text as string);
  } catch {
    return damaged("its encrypted report is cut short or changed");
  }
  if (
    typeof payload !== "object" || payload === null || payload.v !== 1 ||
    payload.cipher !== "AES-256-GCM" || payload.kdf !== "PBKDF2-SHA-256" ||
    !Number.isInteger(payload.iterations) || payload.iterations < 1
  ) {
    damaged("its encrypted report is in an unknown format");
  }
  const bytes = (name: "salt" | "iv" | "ciphertext", length?: number) => {
    let decoded: Uint8Array | undefined;
    try {
      decoded = base64ToBytes(String(payload[name]));
    } catch {
      decoded = undefined;
    }
    // A ciphertext is at least its 16-byte tag and some gzip.
    if (
      !decoded || decoded.length !== (length ?? Math.max(decoded.length, 17))
    ) {
      damaged(`its ${name} is not what was written`);
    }
    return decoded as Uint8Array;
  };
  bytes("salt", 16);
  bytes("iv", 12);
  const ciphertext = bytes("ciphertext");
  if (
    typeof payload.sha256 === "string" &&
    payload.sha256 !== await sha256Base64(ciphertext)
  ) {
    damaged("its encrypted report does not match its checksum");
  }
  return payload;
}

/**
 * Encodes bytes as standard base64 (with padding).
 */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = "";
  for (let start = 0; start < bytes.length; start += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(start, start + 0x8000));
  }
  return btoa(binary);
}

/**
 * Decodes standard base64; throws a `DOMException` on malformed input.
 */
export function base64ToBytes(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/**
 * Derives the AES-256-GCM key from a password with PBKDF2-HMAC-SHA-256.
 * `extractable` is true only when the key is to be remembered on a device.
 */
export async function deriveReportKey(
  password: string,
  salt: Uint8Array,
  iterations: number,
  extractable: boolean,
): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey(
    "raw",
    new TextEncoder().encode(password),
    "PBKDF2",
    false,
    ["deriveKey"],
  );
  return await crypto.subtle.deriveKey(
    {
      name: "PBKDF2",
      hash: "SHA-256",
      salt: new Uint8Array(salt),
      iterations,
    },
    material,
    { name: "AES-GCM", length: 256 },
    extractable,
    ["encrypt", "decrypt"],
  );
}

/** Exports a derived key's raw bytes as base64, to remember it on a device. */
export async function exportReportKey(key: CryptoKey): Promise<string> {
  return bytesToBase64(
    new Uint8Array(await crypto.subtle.exportKey("raw", key)),
  );
}

/** Imports a key remembered with {@linkcode exportReportKey}, for decryption only. */
export async function importReportKey(raw: string): Promise<CryptoKey> {
  return await crypto.subtle.importKey(
    "raw",
    base64ToBytes(raw),
    { name: "AES-GCM", length: 256 },
    false,
    ["decrypt"],
  );
}

/** Runs bytes through a `CompressionStream` or `DecompressionStream`. */
export async function transformBytes(
  bytes: Uint8Array,
  transform: CompressionStream | DecompressionStream,
): Promise<Uint8Array<ArrayBuffer>> {
  const stream = new Blob([new Uint8Array(bytes)]).stream().pipeThrough(
    transform,
  );
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/**
 * Compresses and encrypts a report's HTML: gzip, then AES-GCM under `key`
 * with the 12-byte nonce `iv`. Returns the ciphertext with its tag.
 */
export async function encryptReport(
  html: string,
  key: CryptoKey,
  iv: Uint8Array,
): Promise<Uint8Array> {
  const packed = await transformBytes(
    new TextEncoder().encode(html),
    new CompressionStream("gzip"),
  );
  return new Uint8Array(
    await crypto.subtle.encrypt(
      { name: "AES-GCM", iv: new Uint8Array(iv) },
      key,
      packed,
    ),
  );
}

/**
 * Decrypts a locked page's payload with a derived key and returns the
 * report's HTML. A wrong key (a wrong password) fails the GCM tag check and
 * rejects with a `DOMException` named `OperationError`; so does any change
 * to the ciphertext.
 */
export async function decryptReport(
  payload: LockedPayload,
  key: CryptoKey,
): Promise<string> {
  if (payload.v !== 1 || payload.cipher !== "AES-256-GCM") {
    throw new TypeError(
      `Cannot open the report: unknown format ${
        JSON.stringify([payload.v, payload.cipher])
      }`,
    );
  }
  const packed = await crypto.subtle.decrypt(
    { name: "AES-GCM", iv: base64ToBytes(payload.iv) },
    key,
    base64ToBytes(payload.ciphertext),
  );
  const bytes = await transformBytes(
    new Uint8Array(packed),
    new DecompressionStream("gzip"),
  );
  return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
}

/**
 * The source text of the functions above that a locked page runs, in an
 * order in which each is defined before the page calls it.
 */
export const REPORT_CRYPTO_SOURCE: string = [
  bytesToBase64,
  base64ToBytes,
  sha256Base64,
  readLockedPayload,
  deriveReportKey,
  exportReportKey,
  importReportKey,
  transformBytes,
  decryptReport,
].map((f) => f.toString()).join("\n");
