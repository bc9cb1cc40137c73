/**
 * The script of a locked report page, written as a function whose source
 * text the page embeds (see {@linkcode UNLOCK_PAGE_SOURCE}), so that it is
 * type-checked here. It runs only in the browser: it may use web-platform
 * globals and the functions of `report_crypto.ts` (embedded beside it), but
 * no imports and no module-level values.
 *
 * What it does:
 * - explains, in words, when the page cannot decrypt here (not a secure
 *   context, no `crypto.subtle`, no `DecompressionStream`) or when the page
 *   itself is damaged (its payload cut short, changed, or not matching its
 *   checksum) instead of failing silently or blaming the password;
 * - removes expired remembered keys, forgets this report's key when the
 *   address has `?forget`, and opens the report at once with a key
 *   remembered on this device;
 * - otherwise shows the password form; a wrong password says so and shows
 *   nothing of the report; the right one replaces the document with the
 *   report (`document.open`/`write`/`close`, so the report's own scripts
 *   run), keeping the address and its hash.
 *
 * @module
 */
import {
  base64ToBytes,
  decryptReport,
  deriveReportKey,
  exportReportKey,
  importReportKey,
  type LockedPayload,
  readLockedPayload,
} from "./report_crypto.ts";

/**
 * Runs a locked page: see the module documentation. The page's elements are
 * those that `encryptPage` writes.
 */
export async function unlockPage(): Promise<void> {
  const PREFIX = "basket-report-key:";
  const DAY_MS = 86_400_000;
  const byId = <T extends HTMLElement>(id: string): T =>
    document.getElementById(id) as T;
  const form = byId<HTMLFormElement>("unlock-form");
  const input = byId<HTMLInputElement>("unlock-password");
  const remember = document.getElementById(
    "unlock-remember",
  ) as HTMLInputElement | null;
  const button = byId<HTMLButtonElement>("unlock-submit");
  const error = byId("unlock-error");
  const status = byId("unlock-status");
  const rememberDays = Number(form.dataset.rememberDays ?? "0");

  const explain = (id: string) => {
    status.textContent = "";
    form.hidden = true;
    byId(id).hidden = false;
  };
  if (!globalThis.isSecureContext || !globalThis.crypto?.subtle) {
    byId("unlock-insecure-protocol").textContent = location.protocol;
    return explain("unlock-insecure");
  }
  if (typeof DecompressionStream === "undefined") {
    return explain("unlock-old-browser");
  }
  let payload: LockedPayload;
  try {
    payload = await readLockedPayload(
      document.getElementById("basket-locked-report")?.textContent,
    );
  } catch (failure) {
    byId("unlock-damaged-reason").textContent = failure instanceof Error
      ? failure.message
      : String(failure);
    return explain("unlock-damaged");
  }
  const storageKey = PREFIX + payload.salt;

  // Remembered keys: { key: base64 raw AES key, expires: epoch ms }.
  const storage = (() => {
    try {
      return globalThis.localStorage;
    } catch {
      return null; // storage disabled: nothing is remembered
    }
  })();
  const readEntry = (name: string): { key: string; expires: number } | null => {
    try {
      const entry = JSON.parse(storage?.getItem(name) ?? "null");
      return typeof entry?.key === "string" &&
          typeof entry?.expires === "number"
        ? entry
        : null;
    } catch {
      return null;
    }
  };
  const forget = (name: string) => {
    try {
      storage?.removeItem(name);
    } catch {
      // storage unavailable: nothing to forget
    }
  };
  if (storage) {
    const names: string[] = [];
    for (let i = 0; i < storage.length; i++) {
      const name = storage.key(i);
      if (name?.startsWith(PREFIX)) names.push(name);
    }
    for (const name of names) {
      const entry = readEntry(name);
      if (!entry || entry.expires <= Date.now()) forget(name);
    }
  }

  // The report's Downloads decrypt the files kept encrypted beside the
  // page with the key that opened it: the window, and so this property,
  // outlives document.open.
  const show = (html: string, key: CryptoKey) => {
    (globalThis as { basketLockKey?: CryptoKey }).basketLockKey = key;
    document.open();
    document.write(html);
    document.close();
  };

  if (new URLSearchParams(location.search).has("forget")) {
    forget(storageKey);
    status.textContent = "This device no longer remembers the password.";
  } else {
    const entry = readEntry(storageKey);
    if (entry) {
      status.textContent = "Opening with the password remembered here…";
      try {
        const key = await importReportKey(entry.key);
        return show(await decryptReport(payload, key), key);
      } catch {
        forget(storageKey);
        status.textContent = "";
      }
    }
  }

  form.hidden = false;
  input.focus();
  let busy = false;
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    if (busy) return;
    const password = input.value;
    if (password === "") {
      error.textContent = "Type the password first.";
      input.setAttribute("aria-invalid", "true");
      input.focus();
      return;
    }
    busy = true;
    button.disabled = true;
    form.setAttribute("aria-busy", "true");
    error.textContent = "";
    status.textContent = "Opening the report…";
    const keep = rememberDays > 0 && remember?.checked === true;
    try {
      const key = await deriveReportKey(
        password,
        base64ToBytes(payload.salt),
        payload.iterations,
        keep,
      );
      const html = await decryptReport(payload, key);
      if (keep) {
        try {
          storage?.setItem(
            storageKey,
            JSON.stringify({
              key: await exportReportKey(key),
              expires: Date.now() + rememberDays * DAY_MS,
            }),
          );
        } catch {
          // storage full or disabled: open the report without remembering
        }
      }
      return show(html, key);
    } catch (failure) {
      status.textContent = "";
      error.textContent =
        failure instanceof DOMException && failure.name === "OperationError"
          ? "Wrong password: the report stays locked. Check the password and try again."
          : `The report could not be opened: ${
            failure instanceof Error ? failure.message : String(failure)
          }`;
      input.setAttribute("aria-invalid", "true");
      input.focus();
      input.select();
    } finally {
      busy = false;
      button.disabled = false;
      form.removeAttribute("aria-busy");
    }
  });
}

/** The source text of {@linkcode unlockPage}. */
export const UNLOCK_PAGE_SOURCE: string = unlockPage.toString();
