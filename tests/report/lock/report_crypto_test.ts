import { deepEqual, equal, match, rejects } from "node:assert/strict";
import { decryptPage } from "../../../src/report/lock/decrypt_page.ts";
import { encryptPage } from "../../../src/report/lock/encrypt_page.ts";
import {
  base64ToBytes,
  bytesToBase64,
  decryptReport,
  deriveReportKey,
  encryptReport,
  exportReportKey,
  importReportKey,
  type LockedPayload,
  readLockedPayload,
} from "../../../src/report/lock/report_crypto.ts";
import {
  FAST_ITERATIONS,
  FIXED_IV,
  FIXED_SALT,
  payloadOf,
} from "./locked_page.ts";

async function lock(html: string, key: CryptoKey): Promise<LockedPayload> {
  return {
    v: 1,
    kdf: "PBKDF2-SHA-256",
    iterations: FAST_ITERATIONS,
    salt: bytesToBase64(FIXED_SALT),
    cipher: "AES-256-GCM",
    iv: bytesToBase64(FIXED_IV),
    compression: "gzip",
    ciphertext: bytesToBase64(await encryptReport(html, key, FIXED_IV)),
  };
}

Deno.test("bytesToBase64() and base64ToBytes() round-trip every byte value across chunk boundaries", () => {
  const bytes = Uint8Array.from({ length: 0x8000 * 2 + 5 }, (_, i) => i % 256);
  const text = bytesToBase64(bytes);
  equal(text, btoa(String.fromCharCode(...bytes)));
  deepEqual(base64ToBytes(text), bytes);
  equal(bytesToBase64(new Uint8Array()), "");
});

Deno.test("decryptReport() opens what encryptReport() locked, non-ASCII text included", async () => {
  const key = await deriveReportKey("pw", FIXED_SALT, FAST_ITERATIONS, false);
  const html = "<p>Café — 12 € · 東京 · 🧺</p>".repeat(1000);
  const payload = await lock(html, key);
  equal(await decryptReport(payload, key), html);
});

Deno.test("decryptReport() rejects a changed ciphertext with an OperationError", async () => {
  const key = await deriveReportKey("pw", FIXED_SALT, FAST_ITERATIONS, false);
  const payload = await lock("<p>Turnover 1,234</p>", key);
  const bytes = base64ToBytes(payload.ciphertext);
  bytes[3] ^= 1;
  await rejects(
    decryptReport({ ...payload, ciphertext: bytesToBase64(bytes) }, key),
    { name: "OperationError" },
  );
});

Deno.test("decryptReport() refuses a payload of an unknown version", async () => {
  const key = await deriveReportKey("pw", FIXED_SALT, FAST_ITERATIONS, false);
  const payload = await lock("<p>x</p>", key);
  await rejects(
    decryptReport({ ...payload, v: 2 } as unknown as LockedPayload, key),
    {
      name: "TypeError",
      message: 'Cannot open the report: unknown format [2,"AES-256-GCM"]',
    },
  );
});

Deno.test("a key exported to be remembered opens the report when imported again, and only an extractable key exports", async () => {
  const key = await deriveReportKey("pw", FIXED_SALT, FAST_ITERATIONS, true);
  const payload = await lock("<p>x</p>", key);
  const remembered = await exportReportKey(key);
  equal(base64ToBytes(remembered).length, 32);
  equal(
    await decryptReport(payload, await importReportKey(remembered)),
    "<p>x</p>",
  );
  const sealed = await deriveReportKey(
    "pw",
    FIXED_SALT,
    FAST_ITERATIONS,
    false,
  );
  await rejects(exportReportKey(sealed), { name: "InvalidAccessError" });
});

Deno.test("deriveReportKey() gives the PBKDF2-SHA-256 key of RFC 7914's test vector", async () => {
  // RFC 7914, section 11: PBKDF2-HMAC-SHA256, P="passwd", S="salt", c=1, dkLen=64;
  // the first 32 bytes are the 256-bit key.
  const key = await deriveReportKey(
    "passwd",
    new TextEncoder().encode("salt"),
    1,
    true,
  );
  equal(
    [...base64ToBytes(await exportReportKey(key))]
      .map((b) => b.toString(16).padStart(2, "0")).join(""),
    "55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc",
  );
});

Deno.test("readLockedPayload() tells a damaged page from a wrong password: cut short, changed, or not matching its checksum", async () => {
  const page = await encryptPage("<p>Turnover 1,234</p>", {
    password: "pw",
    unsafeIterationsForTests: FAST_ITERATIONS,
  });
  const text = JSON.stringify(payloadOf(page));
  deepEqual(await readLockedPayload(text), payloadOf(page));
  const payload = payloadOf(page);
  const bytes = base64ToBytes(payload.ciphertext);
  bytes[3] ^= 1;
  const changed = JSON.stringify({
    ...payload,
    ciphertext: bytesToBase64(bytes),
  });
  const cases: [string | null, RegExp][] = [
    [text.slice(0, text.length / 2), /cut short or changed/],
    [changed, /does not match its checksum/],
    [JSON.stringify({ ...payload, iv: "AAAA" }), /its iv is not/],
    [JSON.stringify({ ...payload, ciphertext: "%%" }), /its ciphertext is not/],
    [JSON.stringify({ ...payload, v: 2 }), /unknown format/],
    ["", /holds no encrypted report/],
    [null, /holds no encrypted report/],
  ];
  for (const [damaged, reason] of cases) {
    await rejects(readLockedPayload(damaged), (error: Error) => {
      equal(error.name, "SyntaxError");
      match(error.message, /^The page is damaged: /);
      match(error.message, reason);
      return true;
    });
  }
  await rejects(
    decryptPage(page.replace(payload.ciphertext, bytesToBase64(bytes)), "pw"),
    /Cannot open the locked report: The page is damaged: its encrypted report does not match its checksum/,
  );
});
