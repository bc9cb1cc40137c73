import {
  base64ToBytes,
  decryptReport,
  deriveReportKey,
  type LockedPayload,
  readLockedPayload,
} from "./report_crypto.ts";

const PAYLOAD =
  /<script type="application\/json" id="basket-locked-report">([^<]*)<\/script>/;

/**
 * Opens a page made by `encryptPage` with its password and returns the
 * report's HTML, through the same decryption code that the page runs in the
 * browser. Useful to check a locked page before publishing it.
 *
 * Throws a `SyntaxError` when the page holds no locked report, and an
 * `Error` when the password is wrong (or the page was changed).
 */
export async function decryptPage(
  page: string,
  password: string,
): Promise<string> {
  return (await unlockPageKey(page, password)).html;
}

/**
 * Like {@linkcode decryptPage}, and also returns the page's key, which
 * opens the run's files kept encrypted beside it (`segments.json.enc`).
 */
export async function unlockPageKey(
  page: string,
  password: string,
): Promise<{ html: string; key: CryptoKey }> {
  const payload = await lockedPayloadOf(page);
  const key = await deriveReportKey(
    password,
    base64ToBytes(payload.salt),
    payload.iterations,
    false,
  );
  try {
    return { html: await decryptReport(payload, key), key };
  } catch (error) {
    if (error instanceof DOMException && error.name === "OperationError") {
      throw new Error(
        "Cannot open the locked report: the password is wrong, or the page was changed",
        { cause: error },
      );
    }
    throw error;
  }
}

/**
 * A locked page's payload, checked whole. Throws a `SyntaxError` beginning
 * "Cannot open the locked report" when the page holds none or it is damaged.
 */
export async function lockedPayloadOf(page: string): Promise<LockedPayload> {
  const match = PAYLOAD.exec(page);
  if (!match) {
    throw new SyntaxError(
      "Cannot open the locked report: the page holds no encrypted report",
    );
  }
  try {
    return await readLockedPayload(match[1]);
  } catch (error) {
    throw new SyntaxError(
      `Cannot open the locked report: ${(error as Error).message}`,
    );
  }
}
