/**
 * The locked (encrypted) report page.
 *
 * @module
 */
export {
  DEFAULT_REMEMBER_DAYS,
  encryptPage,
  type EncryptPageOptions,
  LOCKED_PAGE_TITLE,
  MIN_PBKDF2_ITERATIONS,
} from "./encrypt_page.ts";
export { decryptPage } from "./decrypt_page.ts";
export { insecureUrlWarning } from "./insecure_url_warning.ts";
export {
  MIN_PASSWORD_LENGTH,
  weakPasswordWarning,
} from "./weak_password_warning.ts";
export { isLockedPage, lockedPageRunId } from "./is_locked_page.ts";
export { DOWNLOADS_ID, embedDownloads } from "./embed_downloads.ts";
