import {
  bytesToBase64,
  deriveReportKey,
  encryptReport,
  type LockedPayload,
  REPORT_CRYPTO_SOURCE,
  sha256Base64,
} from "./report_crypto.ts";
import { html, jsonForScript, unsafeRawHtml } from "../html.ts";
import { UNLOCK_PAGE_SOURCE } from "./unlock_page.ts";

/** The fewest PBKDF2 iterations a locked page may use (OWASP, 2023). */
export const MIN_PBKDF2_ITERATIONS = 600_000;

/** The title of a locked page unless another is given. */
export const LOCKED_PAGE_TITLE = "Basket report — locked";

/** How many days a reader may ask the page to remember the password, unless set. */
export const DEFAULT_REMEMBER_DAYS = 30;

/**
 * A locked run's key: derived once from the password, it encrypts the page
 * ({@linkcode encryptPage}) and the files kept encrypted beside it
 * (`segments.json.enc`), so that one password opens both.
 */
export interface LockKey {
  /** The AES-256-GCM key (not extractable). */
  key: CryptoKey;
  /** The PBKDF2 salt, 16 bytes, written in the page. */
  salt: Uint8Array;
  /** The PBKDF2 iteration count, written in the page. */
  iterations: number;
}

/** What {@linkcode lockKey} takes: the key derivation options of a page. */
export type LockKeyOptions = Pick<
  EncryptPageOptions,
  "iterations" | "salt" | "unsafeIterationsForTests"
>;

/**
 * Derives a locked run's key from its password with PBKDF2-SHA-256 (≥
 * 600,000 iterations, a random 16-byte salt unless given).
 */
export async function lockKey(
  password: string,
  options: LockKeyOptions = {},
): Promise<LockKey> {
  if (typeof password !== "string" || password === "") {
    throw new TypeError("Cannot encrypt the report: the password is empty");
  }
  const iterations = checkIterations(options);
  const salt = checkBytes("salt", options.salt, 16);
  return {
    key: await deriveReportKey(password, salt, iterations, false),
    salt,
    iterations,
  };
}

/** Options for {@linkcode encryptPage}. */
export interface EncryptPageOptions {
  /**
   * The password readers type. Must not be empty. Give it or `key`.
   */
  password?: string;
  /**
   * The run's key from {@linkcode lockKey}, instead of `password` (and of
   * `iterations`, `salt` and `unsafeIterationsForTests`): to encrypt the
   * run's other files with the same key.
   */
  key?: LockKey;
  /** PBKDF2 iterations; default and minimum {@linkcode MIN_PBKDF2_ITERATIONS}. */
  iterations?: number;
  /**
   * The 16-byte PBKDF2 salt; random per build unless given. Give one only
   * for reproducible tests.
   */
  salt?: Uint8Array;
  /**
   * The 12-byte AES-GCM nonce; random per build unless given. Give one only
   * for reproducible tests: the same nonce with the same password and salt
   * breaks the encryption.
   */
  iv?: Uint8Array;
  /**
   * The page's title and heading; default {@linkcode LOCKED_PAGE_TITLE}. It
   * is readable without the password: it must not hold data.
   */
  title?: string;
  /**
   * Offer readers to remember the password on their device for this many
   * days (0 to 365; 0 offers nothing); default
   * {@linkcode DEFAULT_REMEMBER_DAYS}.
   */
  rememberDays?: number;
  /**
   * The run's id (`20261121T214500Z`), written in clear in the page's
   * `<meta name="basket-run-id">`, so that a locked run folder, which holds
   * no report.json, still names its run. It must not hold data.
   */
  runId?: string;
  /**
   * Overrides the iteration count below the minimum. For tests only, to keep
   * them fast: such a page is easy to brute-force.
   */
  unsafeIterationsForTests?: number;
}

/**
 * Encrypts a finished, self-contained report page into a locked page that
 * holds only ciphertext: the report is gzip-compressed and encrypted with
 * AES-256-GCM under a key derived from the password with PBKDF2-SHA-256
 * (≥ 600,000 iterations, a random 16-byte salt and 12-byte nonce per build).
 * The locked page asks for the password and, in the reader's browser,
 * decrypts the report and replaces itself with it. Randomness comes from
 * `crypto.getRandomValues` unless `salt` and `iv` are given.
 *
 * @example
 * ```ts
 * import { ok } from "node:assert/strict";
 * const options: EncryptPageOptions = {
 *   password: "correct horse battery staple",
 * };
 * const page = await encryptPage("<p>Turnover 9,876,543</p>", options);
 * ok(!page.includes("9,876,543"));
 * ok(page.includes(`<title>${LOCKED_PAGE_TITLE}</title>`));
 * ok(page.includes(`"iterations":${MIN_PBKDF2_ITERATIONS},`));
 * ok(page.includes(`on this device for ${DEFAULT_REMEMBER_DAYS} days`));
 * ```
 */
export async function encryptPage(
  reportHtml: string,
  options: EncryptPageOptions,
): Promise<string> {
  const { title = LOCKED_PAGE_TITLE } = options;
  const rememberDays = options.rememberDays ?? DEFAULT_REMEMBER_DAYS;
  if (
    !Number.isInteger(rememberDays) || rememberDays < 0 || rememberDays > 365
  ) {
    throw new RangeError(
      `Cannot encrypt the report: rememberDays ${rememberDays} is not a whole number from 0 to 365`,
    );
  }
  const { key, salt, iterations } = options.key ??
    await lockKey(options.password ?? "", options);
  const iv = checkBytes("iv", options.iv, 12);
  const ciphertext = await encryptReport(reportHtml, key, iv);
  const payload: LockedPayload = {
    v: 1,
    kdf: "PBKDF2-SHA-256",
    iterations,
    salt: bytesToBase64(salt),
    cipher: "AES-256-GCM",
    iv: bytesToBase64(iv),
    compression: "gzip",
    ciphertext: bytesToBase64(ciphertext),
    sha256: await sha256Base64(ciphertext),
  };
  if (options.runId !== undefined && !/^[0-9A-Za-z-]+$/.test(options.runId)) {
    throw new RangeError(
      `Cannot encrypt the report: run id ${
        JSON.stringify(options.runId)
      } is not letters, digits and dashes`,
    );
  }
  return lockedPageHtml(payload, title, rememberDays, options.runId);
}

function checkIterations(options: LockKeyOptions): number {
  const unsafe = options.unsafeIterationsForTests;
  const iterations = unsafe ?? options.iterations ?? MIN_PBKDF2_ITERATIONS;
  const least = unsafe === undefined ? MIN_PBKDF2_ITERATIONS : 1;
  if (
    !Number.isInteger(iterations) || iterations < least ||
    iterations > 0xffff_ffff
  ) {
    throw new RangeError(
      `Cannot encrypt the report: ${iterations} PBKDF2 iterations is not a whole number from ${least} to ${0xffff_ffff}`,
    );
  }
  return iterations;
}

function checkBytes(
  name: string,
  given: Uint8Array | undefined,
  length: number,
): Uint8Array {
  if (given === undefined) {
    return crypto.getRandomValues(new Uint8Array(length));
  }
  if (!(given instanceof Uint8Array) || given.length !== length) {
    throw new RangeError(
      `Cannot encrypt the report: the ${name} must be ${length} bytes, not ${
        given?.length ?? 0
      }`,
    );
  }
  return new Uint8Array(given);
}

// The script comes before the payload and runs once the page is parsed, so
// that a page cut short in its payload still runs it and says so.
const SCRIPT = `${REPORT_CRYPTO_SOURCE}\n${UNLOCK_PAGE_SOURCE}\n` +
  `document.addEventListener("DOMContentLoaded", () => {\n` +
  `  unlockPage().catch((e) => console.error(e));\n});\n`;
if (/<\/script|<!--/i.test(SCRIPT)) {
  throw new Error("The locked page's script contains '</script' or '<!--'");
}

const STYLE = `
:root { color-scheme: light dark; font-family: system-ui, sans-serif; line-height: 1.5; }
body { margin: 0; padding: 1rem; }
main { max-width: 28rem; margin: 10vh auto 0; }
h1 { font-size: 1.4rem; margin: 0 0 1rem; }
h2 { font-size: 1.1rem; }
form { display: grid; gap: 0.75rem; }
[hidden] { display: none !important; }
label { font-weight: 600; }
label.check { font-weight: normal; display: flex; gap: 0.5rem; align-items: flex-start; }
input[type=password] { font: inherit; font-size: 1rem; padding: 0.6rem; width: 100%; box-sizing: border-box; }
input[type=checkbox] { width: 1.2rem; height: 1.2rem; margin: 0.15rem 0 0; flex: none; }
button { font: inherit; font-weight: 600; padding: 0.6rem 1rem; min-height: 2.75rem; cursor: pointer; }
button:disabled { cursor: progress; }
:focus-visible { outline: 3px solid #1a73e8; outline-offset: 2px; }
.error { color: #b3261e; font-weight: 600; margin: 0; }
@media (prefers-color-scheme: dark) { .error { color: #ffb4ab; } }
.note { padding: 0.75rem 1rem; border-left: 4px solid #b3261e; background: color-mix(in srgb, currentColor 6%, transparent); }
`;

function lockedPageHtml(
  payload: LockedPayload,
  title: string,
  rememberDays: number,
  runId: string | undefined,
): string {
  const unit = rememberDays === 1 ? "day" : "days";
  // deno-fmt-ignore: the page's markup, laid out as it is served
  const remember = rememberDays > 0
    ? html`<label class="check"><input id="unlock-remember" type="checkbox"> <span>Remember the password on this device for ${rememberDays} ${unit}</span></label>`
    : "";
  // deno-fmt-ignore: the page's markup, laid out as it is served
  return html`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<meta name="referrer" content="no-referrer">
${runId === undefined ? "" : html`<meta name="basket-run-id" content="${runId}">\n`}<title>${title}</title>
<style>${unsafeRawHtml(STYLE)}</style>
</head>
<body>
<main>
<h1>${title}</h1>
<p>This report is encrypted. Type its password to open it.</p>
<p id="unlock-status" role="status"></p>
<noscript><p class="note">Opening this report needs JavaScript: turn it on for this page and reload.</p></noscript>
<form id="unlock-form" data-remember-days="${rememberDays}" hidden>
<input type="text" autocomplete="username" value="${title}" hidden>
<label for="unlock-password">Password</label>
<input id="unlock-password" type="password" autocomplete="current-password" autocapitalize="off" spellcheck="false" aria-describedby="unlock-error">
${remember}
<button id="unlock-submit" type="submit">Open report</button>
<p id="unlock-error" class="error" role="alert"></p>
</form>
<div id="unlock-insecure" class="note" hidden>
<h2>This page cannot be opened over plain HTTP</h2>
<p>The report is encrypted, and browsers decrypt only on secure pages. This page was opened over <strong id="unlock-insecure-protocol">http:</strong>, which is not secure.</p>
<p>Open the report through its https:// address instead (the publisher can serve it through an HTTPS CDN such as CloudFront), or save this page and open the saved file, or serve it locally on 127.0.0.1 (for example with <code>deno task serve</code>).</p>
</div>
<div id="unlock-damaged" class="note" hidden>
<h2>This page is damaged</h2>
<p id="unlock-damaged-reason">Its encrypted report cannot be read.</p>
<p>No password can open it as it is. Download or copy the page again from where it was published, or ask the publisher for a new copy.</p>
</div>
<div id="unlock-old-browser" class="note" hidden>
<h2>This browser is too old to open the report</h2>
<p>It lacks the decompression the report needs (DecompressionStream). Open the report in a current browser: Chrome or Edge 80, Firefox 113, Safari 16.4 or newer.</p>
</div>
</main>
<script>
${unsafeRawHtml(SCRIPT)}</script>
<script type="application/json" id="basket-locked-report">${jsonForScript(payload)}</script>
</body>
</html>
`.markup;
}
